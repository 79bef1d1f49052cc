using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.SelfService;

public sealed class ConfirmSignUpTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    // A parallel request finds the user confirmed, the code consumed, the attempts used, or the row changed.
    private static readonly string[] LosingRaceErrors =
        ["NotAuthorizedException", "ExpiredCodeException", "LimitExceededException", "ConcurrentModificationException"];

    private readonly AwsApiClient _api = factory.CreateAwsClient();

    [Fact]
    public async Task ConfirmSignUp_RightCode_ConfirmedAndEmailVerified()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);
        var email = SelfServiceSetup.NewEmail();
        await setup.SignUpAsync("ann", ("email", email));
        var code = await SelfServiceSetup.LastCodeAsync(factory, email);

        var response = await setup.ConfirmSignUpAsync("ann", code);

        Assert.Equal("{}", response.Text);
        var stored = await TestStore.UserAsync(factory, setup.PoolId, "ann");
        Assert.Equal("CONFIRMED", stored.Status);
        Assert.Contains("\"email_verified\":\"true\"", stored.Attributes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmSignUp_PhoneCode_PhoneVerified()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api,
            new JsonObject { ["AutoVerifiedAttributes"] = new JsonArray("phone_number") });
        var phone = SelfServiceSetup.NewPhone();
        await setup.SignUpAsync("bo", ("phone_number", phone));

        await setup.ConfirmSignUpAsync("bo", await SelfServiceSetup.LastCodeAsync(factory, phone));

        var stored = await TestStore.UserAsync(factory, setup.PoolId, "bo");
        Assert.Contains("\"phone_number_verified\":\"true\"", stored.Attributes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmSignUp_WrongCode_CodeMismatchAndUnconfirmed()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);
        var email = SelfServiceSetup.NewEmail();
        await setup.SignUpAsync("cy", ("email", email));
        var code = await SelfServiceSetup.LastCodeAsync(factory, email);

        var response = await setup.ConfirmSignUpAsync("cy", SelfServiceSetup.Wrong(code));

        Assert.Equal("CodeMismatchException", response.ErrorType);
        Assert.Equal("Invalid verification code provided, please try again.", response.Message);
        Assert.Equal("UNCONFIRMED", (await TestStore.UserAsync(factory, setup.PoolId, "cy")).Status);
    }

    [Fact]
    public async Task ConfirmSignUp_OneSecondBeforeExpiry_Confirms()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);
        var email = SelfServiceSetup.NewEmail();
        await setup.SignUpAsync("dee", ("email", email));
        var code = await SelfServiceSetup.LastCodeAsync(factory, email);

        factory.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        var response = await setup.ConfirmSignUpAsync("dee", code);

        Assert.Null(response.ErrorType);
        Assert.Equal("CONFIRMED", (await TestStore.UserAsync(factory, setup.PoolId, "dee")).Status);
    }

    [Fact]
    public async Task ConfirmSignUp_AtExpiry_ExpiredCode()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);
        var email = SelfServiceSetup.NewEmail();
        await setup.SignUpAsync("eve", ("email", email));
        var code = await SelfServiceSetup.LastCodeAsync(factory, email);

        factory.Clock.Advance(TimeSpan.FromHours(24));
        var response = await setup.ConfirmSignUpAsync("eve", code);

        Assert.Equal("ExpiredCodeException", response.ErrorType);
        Assert.Equal("UNCONFIRMED", (await TestStore.UserAsync(factory, setup.PoolId, "eve")).Status);
    }

    [Trait("SecurityRowPart", "6")]
    [Fact]
    public async Task ConfirmSignUp_FiveWrongCodes_LimitExceededEvenForRightCode()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);
        var email = SelfServiceSetup.NewEmail();
        await setup.SignUpAsync("fay", ("email", email));
        var code = await SelfServiceSetup.LastCodeAsync(factory, email);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("CodeMismatchException",
                (await setup.ConfirmSignUpAsync("fay", SelfServiceSetup.Wrong(code))).ErrorType);
        }

        var response = await setup.ConfirmSignUpAsync("fay", code);

        Assert.Equal("LimitExceededException", response.ErrorType);
        Assert.Equal("Attempt limit exceeded, please try after some time.", response.Message);
        Assert.Equal("UNCONFIRMED", (await TestStore.UserAsync(factory, setup.PoolId, "fay")).Status);
    }

    [Fact]
    public async Task ConfirmSignUp_FourWrongCodesThenRight_Confirms()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);
        var email = SelfServiceSetup.NewEmail();
        await setup.SignUpAsync("gus", ("email", email));
        var code = await SelfServiceSetup.LastCodeAsync(factory, email);
        for (var i = 0; i < 4; i++)
        {
            await setup.ConfirmSignUpAsync("gus", SelfServiceSetup.Wrong(code));
        }

        var response = await setup.ConfirmSignUpAsync("gus", code);

        Assert.Null(response.ErrorType);
    }

    [Fact]
    public async Task ConfirmSignUp_AlreadyConfirmed_NotAuthorized()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);
        var email = SelfServiceSetup.NewEmail();
        await setup.SignUpAsync("hal", ("email", email));
        var code = await SelfServiceSetup.LastCodeAsync(factory, email);
        await setup.ConfirmSignUpAsync("hal", code);

        var response = await setup.ConfirmSignUpAsync("hal", code);

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal("User cannot be confirmed. Current status is CONFIRMED", response.Message);
    }

    [Fact]
    public async Task ConfirmSignUp_UnknownUserLegacyClient_UserNotFound()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);

        var response = await setup.ConfirmSignUpAsync("ghost", "123456");

        Assert.Equal("UserNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task ConfirmSignUp_UnknownUserExistenceErrorsPrevented_CodeMismatch()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api,
            client: new JsonObject { ["PreventUserExistenceErrors"] = "ENABLED" });

        var response = await setup.ConfirmSignUpAsync("ghost", "123456");

        Assert.Equal("CodeMismatchException", response.ErrorType);
    }

    [Fact]
    public async Task ConfirmSignUp_UnknownClient_ResourceNotFound()
    {
        var response = await _api.SendAsync("ConfirmSignUp",
            """{"ClientId":"1example23456789abcdefghij","Username":"x","ConfirmationCode":"123456"}""", sign: false);

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task ConfirmSignUp_SecretClientWithoutHash_NotAuthorizedAndUnconfirmed()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api, client: new JsonObject { ["GenerateSecret"] = true });
        var email = SelfServiceSetup.NewEmail();
        await setup.SignUpAsync("ida", ("email", email));
        var code = await SelfServiceSetup.LastCodeAsync(factory, email);

        var response = await setup.CallAsync("ConfirmSignUp",
            new JsonObject { ["Username"] = "ida", ["ConfirmationCode"] = code, ["SecretHash"] = null }, "ida");

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal("UNCONFIRMED", (await TestStore.UserAsync(factory, setup.PoolId, "ida")).Status);
    }

    [Trait("SecurityRowPart", "13")]
    [Fact]
    public async Task ConfirmSignUp_EmailAliasHeldByAnother_AliasExistsUnlessForced()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api, new JsonObject
        {
            ["AliasAttributes"] = new JsonArray("email"),
            ["AutoVerifiedAttributes"] = new JsonArray("email"),
        });
        var email = SelfServiceSetup.NewEmail();
        await _api.CallAsync("AdminCreateUser", new
        {
            UserPoolId = setup.PoolId,
            Username = "holder",
            MessageAction = "SUPPRESS",
            UserAttributes = new[] { new { Name = "email", Value = email }, new { Name = "email_verified", Value = "true" } },
        });
        await setup.SignUpAsync("jo", ("email", email));
        var code = await SelfServiceSetup.LastCodeAsync(factory, email);

        var refused = await setup.ConfirmSignUpAsync("jo", code);
        var forced = await setup.ConfirmSignUpAsync("jo", code, force: true);

        Assert.Equal("AliasExistsException", refused.ErrorType);
        Assert.Null(forced.ErrorType);
        Assert.Equal("CONFIRMED", (await TestStore.UserAsync(factory, setup.PoolId, "jo")).Status);
        var holder = await TestStore.UserAsync(factory, setup.PoolId, "holder");
        Assert.Contains("\"email_verified\":\"false\"", holder.Attributes, StringComparison.Ordinal);
        Assert.Null(holder.EmailAliasKey);
    }

    [Fact]
    public async Task ConfirmSignUp_FiftyParallelWithOneCode_ExactlyOneSucceeds()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);
        var email = SelfServiceSetup.NewEmail();
        await setup.SignUpAsync("kit", ("email", email));
        var code = await SelfServiceSetup.LastCodeAsync(factory, email);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => setup.ConfirmSignUpAsync("kit", code)));

        Assert.Single(responses, r => r.Status == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.OK), r => Assert.Contains(r.ErrorType, LosingRaceErrors));
        Assert.Equal("CONFIRMED", (await TestStore.UserAsync(factory, setup.PoolId, "kit")).Status);
    }
}
