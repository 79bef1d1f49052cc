using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Triggers;

/// <summary>PreSignUp_SignUp through SignUp with a loopback function.</summary>
public sealed class PreSignUpTests
{
    private const string Arn = "arn:aws:lambda:us-east-1:123456789012:function:pre-signup";

    [Fact]
    public async Task SignUp_AutoConfirm_ConfirmsWithoutCode()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var function = await FunctionStandIn.StartAsync(ct);
        function.Answer = FunctionStandIn.Edit(e => e["response"]!["autoConfirmUser"] = true);
        using var factory = new GatehouseFactory().WithSetting("Gatehouse:Triggers:LambdaEndpoint", function.BaseUrl);
        var (api, clientId) = await SetUpAsync(factory);

        var response = await SignUpAsync(api, clientId);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(response["UserConfirmed"]!.GetValue<bool>());
        Assert.Null(response["CodeDeliveryDetails"]);
        Assert.Equal("PreSignUp_SignUp", Assert.Single(function.Calls).Event["triggerSource"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignUp_FunctionError_RefusesAndStoresNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var function = await FunctionStandIn.StartAsync(ct);
        function.Answer = (context, _) =>
        {
            context.Response.Headers["X-Amz-Function-Error"] = "Unhandled";
            return FunctionStandIn.Json(context, """{"errorType":"Error","errorMessage":"No"}""");
        };
        using var factory = new GatehouseFactory().WithSetting("Gatehouse:Triggers:LambdaEndpoint", function.BaseUrl);
        var (api, clientId) = await SetUpAsync(factory);

        var response = await SignUpAsync(api, clientId);

        Assert.Equal("UserLambdaValidationException", response.ErrorType);
        function.Answer = (context, call) => FunctionStandIn.Json(context, call.Body);
        Assert.Equal(HttpStatusCode.OK, (await SignUpAsync(api, clientId)).Status);
    }

    private static async Task<(AwsApiClient Api, string ClientId)> SetUpAsync(GatehouseFactory factory)
    {
        var api = factory.CreateAwsClient();
        var poolId = await api.CreatePoolIdAsync(new JsonObject { ["LambdaConfig"] = new JsonObject { ["PreSignUp"] = Arn } });
        var client = await api.CreateClientAsync(poolId);
        return (api, client["ClientId"]!.GetValue<string>());
    }

    private static Task<AwsResponse> SignUpAsync(AwsApiClient api, string clientId)
    {
        return api.SendAsync("SignUp", new JsonObject
        {
            ["ClientId"] = clientId,
            ["Username"] = "jane",
            ["Password"] = "Passw0rd!Passw0rd",
        }.ToJsonString());
    }
}
