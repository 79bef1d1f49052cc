using System.Text.Json.Nodes;
using Gatehouse.Server.Users;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.SelfService;

public sealed class SignUpTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _api = factory.CreateAwsClient();

    [Fact]
    public async Task SignUp_AutoVerifiedEmail_UnconfirmedUserAndMaskedEmailCode()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);
        var email = SelfServiceSetup.NewEmail();

        var response = await setup.SignUpAsync("ann", ("email", email));

        Assert.Null(response.ErrorType);
        Assert.False(response["UserConfirmed"]!.GetValue<bool>());
        var sub = response["UserSub"]!.GetValue<string>();
        var delivery = response["CodeDeliveryDetails"]!.AsObject();
        Assert.Equal($"{email[0]}***@e***", delivery["Destination"]!.GetValue<string>());
        Assert.Equal("EMAIL", delivery["DeliveryMedium"]!.GetValue<string>());
        Assert.Equal("email", delivery["AttributeName"]!.GetValue<string>());
        var stored = await TestStore.UserAsync(factory, setup.PoolId, "ann");
        Assert.Equal("UNCONFIRMED", stored.Status);
        Assert.Equal(sub, stored.Sub);
        Assert.Equal(PasswordVerifier.ComputeVerifierHex(PasswordVerifier.PoolName(setup.PoolId), "ann",
            SelfServiceSetup.Password, stored.PasswordSalt!), TestStore.UnprotectVerifier(factory, stored));
        var message = Assert.Single(await TestStore.OutboxAsync(factory, email));
        Assert.Equal("Your verification code", message.Subject);
        Assert.Matches("^Your verification code is [0-9]{6}\\.$", message.Body);
    }

    [Fact]
    public async Task SignUp_AutoVerifiedPhone_SmsCodeToMaskedNumber()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api,
            new JsonObject { ["AutoVerifiedAttributes"] = new JsonArray("email", "phone_number") });
        var phone = SelfServiceSetup.NewPhone();

        var response = await setup.SignUpAsync("bo", ("email", SelfServiceSetup.NewEmail()), ("phone_number", phone));

        var delivery = response["CodeDeliveryDetails"]!.AsObject();
        Assert.Equal("+*******" + phone[^4..], delivery["Destination"]!.GetValue<string>());
        Assert.Equal("SMS", delivery["DeliveryMedium"]!.GetValue<string>());
        Assert.Equal("phone_number", delivery["AttributeName"]!.GetValue<string>());
        var message = Assert.Single(await TestStore.OutboxAsync(factory, phone));
        Assert.Equal("SMS", message.Channel);
    }

    [Fact]
    public async Task SignUp_NoAutoVerifiedAttributes_NoCodeAndUnconfirmed()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api, []);
        var email = SelfServiceSetup.NewEmail();

        var response = await setup.SignUpAsync("cy", ("email", email));

        Assert.Null(response.ErrorType);
        Assert.Null(response["CodeDeliveryDetails"]);
        Assert.Empty(await TestStore.OutboxAsync(factory, email));
        Assert.Equal("UNCONFIRMED", (await TestStore.UserAsync(factory, setup.PoolId, "cy")).Status);
    }

    [Fact]
    public async Task SignUp_PoolTemplate_RendersCustomMessage()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api, new JsonObject
        {
            ["AutoVerifiedAttributes"] = new JsonArray("email"),
            ["VerificationMessageTemplate"] = new JsonObject
            {
                ["EmailMessage"] = "<b>Code</b> {####} now",
                ["EmailSubject"] = "Welcome aboard",
            },
        });
        var email = SelfServiceSetup.NewEmail();

        await setup.SignUpAsync("dee", ("email", email));

        var message = Assert.Single(await TestStore.OutboxAsync(factory, email));
        Assert.Equal("Welcome aboard", message.Subject);
        Assert.Matches("^<b>Code</b> [0-9]{6} now$", message.Body);
    }

    [Fact]
    public async Task SignUp_UnknownClient_ResourceNotFound()
    {
        var response = await _api.SendAsync("SignUp",
            """{"ClientId":"1example23456789abcdefghij","Username":"x","Password":"Passw0rd!"}""", sign: false);

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task SignUp_SecretClientWithoutHash_NotAuthorized()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api, client: new JsonObject { ["GenerateSecret"] = true });

        var response = await setup.CallAsync("SignUp",
            new JsonObject { ["Username"] = "eve", ["Password"] = SelfServiceSetup.Password, ["SecretHash"] = null }, "eve");

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal($"Client {setup.ClientId} is configured with secret but SECRET_HASH was not received", response.Message);
    }

    [Fact]
    public async Task SignUp_SecretClientWrongHash_NotAuthorized()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api, client: new JsonObject { ["GenerateSecret"] = true });

        var response = await setup.CallAsync("SignUp", new JsonObject
        {
            ["Username"] = "fay",
            ["Password"] = SelfServiceSetup.Password,
            ["SecretHash"] = setup.HashFor("someone-else"),
        }, "fay");

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal($"Unable to verify secret hash for client {setup.ClientId}", response.Message);
        Assert.Empty(await TestStore.OutboxOfPoolAsync(factory, setup.PoolId));
    }

    [Fact]
    public async Task SignUp_SecretClientRightHash_Creates()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api, client: new JsonObject { ["GenerateSecret"] = true });

        var response = await setup.SignUpAsync("gus", ("email", SelfServiceSetup.NewEmail()));

        Assert.Null(response.ErrorType);
        Assert.Equal("UNCONFIRMED", (await TestStore.UserAsync(factory, setup.PoolId, "gus")).Status);
    }

    [Theory]
    [InlineData("short1!", "InvalidPasswordException")]
    [InlineData("nouppercase1!", "InvalidPasswordException")]
    [InlineData("", "InvalidParameterException")]
    public async Task SignUp_BadPassword_RefusedAndNoUser(string password, string expected)
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);

        var response = await setup.CallAsync("SignUp",
            new JsonObject { ["Username"] = "hal", ["Password"] = password }, "hal");

        Assert.Equal(expected, response.ErrorType);
        var list = await _api.CallAsync("ListUsers", new { UserPoolId = setup.PoolId });
        Assert.Empty(list["Users"]!.AsArray());
    }

    [Fact]
    public async Task SignUp_MissingRequiredAttribute_InvalidParameter()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api, new JsonObject
        {
            ["Schema"] = new JsonArray(new JsonObject
            {
                ["Name"] = "email",
                ["AttributeDataType"] = "String",
                ["Required"] = true,
                ["Mutable"] = true,
            }),
        });

        var response = await setup.SignUpAsync("ida");

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal("Attributes did not conform to the schema: email: The attribute is required", response.Message);
    }

    [Trait("SecurityRowPart", "13")]
    [Fact]
    public async Task SignUp_ExistingUsername_UsernameExists()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);
        await setup.SignUpAsync("jo", ("email", SelfServiceSetup.NewEmail()));

        var response = await setup.SignUpAsync("jo", ("email", SelfServiceSetup.NewEmail()));

        Assert.Equal("UsernameExistsException", response.ErrorType);
        Assert.Equal("User already exists", response.Message);
    }

    [Fact]
    public async Task SignUp_EmailUsernamePool_StoresSubAsUsernameAndRefusesSecondAccount()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api, new JsonObject
        {
            ["UsernameAttributes"] = new JsonArray("email"),
            ["AutoVerifiedAttributes"] = new JsonArray("email"),
        });
        var email = SelfServiceSetup.NewEmail();

        var first = await setup.SignUpAsync(email);
        var second = await setup.SignUpAsync(email);
        var notEmail = await setup.SignUpAsync("plainname");

        var sub = first["UserSub"]!.GetValue<string>();
        var stored = await TestStore.UserAsync(factory, setup.PoolId, sub);
        Assert.Contains(email, stored.Attributes, StringComparison.Ordinal);
        Assert.Equal("UsernameExistsException", second.ErrorType);
        Assert.Equal("InvalidParameterException", notEmail.ErrorType);
        Assert.Equal("Username should be an email.", notEmail.Message);
    }

    [Fact]
    public async Task SignUp_AdminOnlyPool_NotAuthorized()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api, new JsonObject
        {
            ["AdminCreateUserConfig"] = new JsonObject { ["AllowAdminCreateUserOnly"] = true },
        });

        var response = await setup.SignUpAsync("kit");

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal("SignUp is not permitted for this user pool", response.Message);
    }

    [Theory]
    [InlineData("email_verified", "true", null)]
    [InlineData("given_name", "Lu", "email")]
    public async Task SignUp_AttributeClientMayNotWrite_NotAuthorized(string name, string value, string? writable)
    {
        var client = writable is null ? null : new JsonObject { ["WriteAttributes"] = new JsonArray(writable) };
        var setup = await SelfServiceSetup.CreateAsync(_api, client: client);

        var response = await setup.SignUpAsync("lu", ("email", SelfServiceSetup.NewEmail()), (name, value));

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal("A client attempted to write unauthorized attribute", response.Message);
    }

    [Fact]
    public async Task SignUp_UnknownAttribute_InvalidParameter()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);

        var response = await setup.SignUpAsync("max", ("custom:nope", "x"));

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }
}
