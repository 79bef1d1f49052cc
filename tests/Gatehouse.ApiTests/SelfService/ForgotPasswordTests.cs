using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.SelfService;

public sealed class ForgotPasswordTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _api = factory.CreateAwsClient();

    [Fact]
    public async Task ForgotPassword_VerifiedEmail_CodeSentAndStatusUnchanged()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);
        var email = SelfServiceSetup.NewEmail();
        await setup.ConfirmedUserAsync(factory, "ann", email);

        var response = await setup.ForgotPasswordAsync("ann");

        var delivery = response["CodeDeliveryDetails"]!.AsObject();
        Assert.Equal($"{email[0]}***@e***", delivery["Destination"]!.GetValue<string>());
        Assert.Equal("EMAIL", delivery["DeliveryMedium"]!.GetValue<string>());
        Assert.Equal("email", delivery["AttributeName"]!.GetValue<string>());
        Assert.Equal(2, (await TestStore.OutboxAsync(factory, email)).Count);
        Assert.Equal("CONFIRMED", (await TestStore.UserAsync(factory, setup.PoolId, "ann")).Status);
    }

    [Fact]
    public async Task ForgotPassword_RecoveryPrefersPhone_SmsToVerifiedPhone()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api, new JsonObject
        {
            ["AutoVerifiedAttributes"] = new JsonArray("phone_number"),
            ["AccountRecoverySetting"] = new JsonObject
            {
                ["RecoveryMechanisms"] = new JsonArray(
                    new JsonObject { ["Name"] = "verified_email", ["Priority"] = 2 },
                    new JsonObject { ["Name"] = "verified_phone_number", ["Priority"] = 1 }),
            },
        });
        var phone = SelfServiceSetup.NewPhone();
        await setup.SignUpAsync("bo", ("phone_number", phone), ("email", SelfServiceSetup.NewEmail()));
        await setup.ConfirmSignUpAsync("bo", await SelfServiceSetup.LastCodeAsync(factory, phone));

        var response = await setup.ForgotPasswordAsync("bo");

        var delivery = response["CodeDeliveryDetails"]!.AsObject();
        Assert.Equal("SMS", delivery["DeliveryMedium"]!.GetValue<string>());
        Assert.Equal("+*******" + phone[^4..], delivery["Destination"]!.GetValue<string>());
    }

    [Fact]
    public async Task ForgotPassword_NoVerifiedContact_InvalidParameter()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);
        var email = SelfServiceSetup.NewEmail();
        await setup.SignUpAsync("cy", ("email", email));

        var response = await setup.ForgotPasswordAsync("cy");

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal("Cannot reset password for the user as there is no registered/verified email or phone_number",
            response.Message);
        Assert.Single(await TestStore.OutboxAsync(factory, email));
    }

    [Fact]
    public async Task ForgotPassword_UnknownUserLegacy_UserNotFound()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);

        var response = await setup.ForgotPasswordAsync("ghost");

        Assert.Equal("UserNotFoundException", response.ErrorType);
    }

    [Trait("SecurityRowPart", "12")]
    [Fact]
    public async Task ForgotPassword_ExistenceErrorsPrevented_UnknownAndUnverifiedAnswerAlike()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api,
            client: new JsonObject { ["PreventUserExistenceErrors"] = "ENABLED" });
        var ghostEmail = SelfServiceSetup.NewEmail();
        await setup.SignUpAsync("unverified", ("email", SelfServiceSetup.NewEmail()));

        var unknownByEmail = await setup.ForgotPasswordAsync(ghostEmail);
        var unknown = await setup.ForgotPasswordAsync("ghost");
        var unverified = await setup.ForgotPasswordAsync("unverified");

        Assert.Equal($"{ghostEmail[0]}***@e***",
            unknownByEmail["CodeDeliveryDetails"]!["Destination"]!.GetValue<string>());
        Assert.Equal("EMAIL", unknown["CodeDeliveryDetails"]!["DeliveryMedium"]!.GetValue<string>());
        Assert.Null(unverified.ErrorType);
        Assert.Equal("EMAIL", unverified["CodeDeliveryDetails"]!["DeliveryMedium"]!.GetValue<string>());
        Assert.Single(await TestStore.OutboxOfPoolAsync(factory, setup.PoolId));
    }

    [Fact]
    public async Task ForgotPassword_DisabledUser_NotAuthorized()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);
        await setup.ConfirmedUserAsync(factory, "dee", SelfServiceSetup.NewEmail());
        await _api.CallAsync("AdminDisableUser", new { UserPoolId = setup.PoolId, Username = "dee" });

        var response = await setup.ForgotPasswordAsync("dee");

        Assert.Equal("NotAuthorizedException", response.ErrorType);
    }

    [Fact]
    public async Task ForgotPassword_ForceChangePassword_NotAuthorized()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);
        await _api.CallAsync("AdminCreateUser", new
        {
            UserPoolId = setup.PoolId,
            Username = "eve",
            MessageAction = "SUPPRESS",
            UserAttributes = new[]
            {
                new { Name = "email", Value = SelfServiceSetup.NewEmail() }, new { Name = "email_verified", Value = "true" },
            },
        });

        var response = await setup.ForgotPasswordAsync("eve");

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal("User password cannot be reset in the current state.", response.Message);
    }

    [Fact]
    public async Task ForgotPassword_SecretClientMissingHash_NotAuthorized()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api, client: new JsonObject { ["GenerateSecret"] = true });

        var response = await setup.CallAsync("ForgotPassword",
            new JsonObject { ["Username"] = "fay", ["SecretHash"] = null }, "fay");

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal($"Client {setup.ClientId} is configured with secret but SECRET_HASH was not received",
            response.Message);
    }

    [Fact]
    public async Task ForgotPassword_UnknownClient_ResourceNotFound()
    {
        var response = await _api.SendAsync("ForgotPassword",
            """{"ClientId":"1example23456789abcdefghij","Username":"x"}""", sign: false);

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }
}
