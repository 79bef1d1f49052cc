using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.SelfService;

public sealed class ResendConfirmationCodeTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _api = factory.CreateAwsClient();

    [Fact]
    public async Task ResendConfirmationCode_Unconfirmed_NewCodeWorksAndOldOneDoesNot()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);
        var email = SelfServiceSetup.NewEmail();
        await setup.SignUpAsync("ann", ("email", email));
        var first = await SelfServiceSetup.LastCodeAsync(factory, email);

        var response = await ResendAsync(setup, "ann");
        var second = await SelfServiceSetup.LastCodeAsync(factory, email);

        var delivery = response["CodeDeliveryDetails"]!.AsObject();
        Assert.Equal($"{email[0]}***@e***", delivery["Destination"]!.GetValue<string>());
        Assert.Equal("EMAIL", delivery["DeliveryMedium"]!.GetValue<string>());
        Assert.Equal(2, (await TestStore.OutboxAsync(factory, email)).Count);
        if (first != second)
        {
            Assert.Equal("CodeMismatchException", (await setup.ConfirmSignUpAsync("ann", first)).ErrorType);
        }

        Assert.Null((await setup.ConfirmSignUpAsync("ann", second)).ErrorType);
    }

    [Fact]
    public async Task ResendConfirmationCode_ResetsAttemptLimit()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);
        var email = SelfServiceSetup.NewEmail();
        await setup.SignUpAsync("bo", ("email", email));
        var first = await SelfServiceSetup.LastCodeAsync(factory, email);
        for (var i = 0; i < 5; i++)
        {
            await setup.ConfirmSignUpAsync("bo", SelfServiceSetup.Wrong(first));
        }

        await ResendAsync(setup, "bo");

        Assert.Null((await setup.ConfirmSignUpAsync("bo", await SelfServiceSetup.LastCodeAsync(factory, email))).ErrorType);
    }

    [Fact]
    public async Task ResendConfirmationCode_Confirmed_InvalidParameter()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);
        await setup.ConfirmedUserAsync(factory, "cy", SelfServiceSetup.NewEmail());

        var response = await ResendAsync(setup, "cy");

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal("User is already confirmed.", response.Message);
    }

    [Fact]
    public async Task ResendConfirmationCode_NoAutoVerification_InvalidParameter()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api, []);
        await setup.SignUpAsync("dee", ("email", SelfServiceSetup.NewEmail()));

        var response = await ResendAsync(setup, "dee");

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal("Auto verification not turned on.", response.Message);
    }

    [Fact]
    public async Task ResendConfirmationCode_UnknownUserLegacy_UserNotFound()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);

        var response = await ResendAsync(setup, "ghost");

        Assert.Equal("UserNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task ResendConfirmationCode_UnknownUserExistenceErrorsPrevented_SimulatedStableDelivery()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api,
            client: new JsonObject { ["PreventUserExistenceErrors"] = "ENABLED" });

        var first = await ResendAsync(setup, "ghost");
        var second = await ResendAsync(setup, "ghost");

        Assert.Null(first.ErrorType);
        var delivery = first["CodeDeliveryDetails"]!.AsObject();
        Assert.Equal("EMAIL", delivery["DeliveryMedium"]!.GetValue<string>());
        Assert.Matches("^[a-z]\\*\\*\\*@[a-z]\\*\\*\\*$", delivery["Destination"]!.GetValue<string>());
        Assert.Equal(first.Text, second.Text);
        Assert.Empty(await TestStore.OutboxOfPoolAsync(factory, setup.PoolId));
    }

    [Fact]
    public async Task ResendConfirmationCode_SecretClientWrongHash_NotAuthorized()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api, client: new JsonObject { ["GenerateSecret"] = true });
        var email = SelfServiceSetup.NewEmail();
        await setup.SignUpAsync("eve", ("email", email));

        var response = await setup.CallAsync("ResendConfirmationCode",
            new JsonObject { ["Username"] = "eve", ["SecretHash"] = setup.HashFor("other") }, "eve");

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Single(await TestStore.OutboxAsync(factory, email));
    }

    [Fact]
    public async Task ResendConfirmationCode_UnknownClient_ResourceNotFound()
    {
        var response = await _api.SendAsync("ResendConfirmationCode",
            """{"ClientId":"1example23456789abcdefghij","Username":"x"}""", sign: false);

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    private static Task<AwsResponse> ResendAsync(SelfServiceSetup setup, string username) =>
        setup.CallAsync("ResendConfirmationCode", new JsonObject { ["Username"] = username }, username);
}
