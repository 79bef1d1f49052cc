using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Triggers;

/// <summary>PreAuthentication_Authentication and PostAuthentication_Authentication on the sign-in paths.</summary>
public sealed class SignInTriggerTests
{
    private const string PreArn = "arn:aws:lambda:us-east-1:123456789012:function:pre-auth";
    private const string PostArn = "arn:aws:lambda:us-east-1:123456789012:function:post-auth";

    [Fact]
    public async Task PasswordAuth_PreAuthenticationError_RefusesWithoutCountingAnAttempt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var function = await FunctionStandIn.StartAsync(ct);
        function.Answer = ConfirmationTriggerTests.Fails("Blocked");
        using var factory = new GatehouseFactory().WithSetting("Gatehouse:Triggers:LambdaEndpoint", function.BaseUrl);
        var api = factory.CreateAwsClient();
        var (poolId, clientId, _) = await api.PoolAndClientAsync(pool: Pool());
        await api.CreateUserAsync(poolId, "ann");

        var refused = await api.PasswordAuthAsync(clientId, "ann", AuthSetup.Password);

        Assert.Equal("UserLambdaValidationException", refused.ErrorType);
        Assert.Equal("PreAuthentication failed with error Blocked.", refused.Message);
        Assert.Equal(0, (await TestStore.UserAsync(factory, poolId, "ann")).FailedSignIns);
        Assert.Equal("PreAuthentication_Authentication", Assert.Single(function.Calls).Event["triggerSource"]!.GetValue<string>());
    }

    [Fact]
    public async Task AdminPasswordAuth_BothTriggers_EventsThenTokens_RefreshCallsNone()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var function = await FunctionStandIn.StartAsync(ct);
        using var factory = new GatehouseFactory().WithSetting("Gatehouse:Triggers:LambdaEndpoint", function.BaseUrl);
        var api = factory.CreateAwsClient();
        var (poolId, clientId, _) = await api.PoolAndClientAsync(pool: Pool());
        await api.CreateUserAsync(poolId, "bo", AuthSetup.Password, ("email", "bo@example.com"));

        var signedIn = await api.CallAsync("AdminInitiateAuth", new
        {
            UserPoolId = poolId,
            ClientId = clientId,
            AuthFlow = "ADMIN_USER_PASSWORD_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "bo", ["PASSWORD"] = AuthSetup.Password },
            ClientMetadata = new Dictionary<string, string> { ["device"] = "kiosk" },
        });

        Assert.NotNull(signedIn["AuthenticationResult"]?["AccessToken"]);
        var calls = function.Calls.ToArray();
        Assert.Equal(2, calls.Length);
        var pre = calls[0].Event;
        Assert.EndsWith("/functions/pre-auth/invocations", calls[0].PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("PreAuthentication_Authentication", pre["triggerSource"]!.GetValue<string>());
        Assert.Equal("bo", pre["userName"]!.GetValue<string>());
        Assert.Equal(clientId, pre["callerContext"]!["clientId"]!.GetValue<string>());
        Assert.Equal("bo@example.com", pre["request"]!["userAttributes"]!["email"]!.GetValue<string>());
        Assert.Equal("CONFIRMED", pre["request"]!["userAttributes"]!["cognito:user_status"]!.GetValue<string>());
        Assert.Equal("kiosk", pre["request"]!["validationData"]!["device"]!.GetValue<string>());
        Assert.False(pre["request"]!.AsObject().ContainsKey("userNotFound"));
        var post = calls[1].Event;
        Assert.EndsWith("/functions/post-auth/invocations", calls[1].PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("PostAuthentication_Authentication", post["triggerSource"]!.GetValue<string>());
        Assert.Null(post["request"]!["clientMetadata"]);
        Assert.Equal("bo@example.com", post["request"]!["userAttributes"]!["email"]!.GetValue<string>());

        var refreshed = await api.CallAsync("InitiateAuth", new
        {
            ClientId = clientId,
            AuthFlow = "REFRESH_TOKEN_AUTH",
            AuthParameters = new Dictionary<string, string>
            {
                ["REFRESH_TOKEN"] = signedIn["AuthenticationResult"]!["RefreshToken"]!.GetValue<string>(),
            },
        }, sign: false);
        Assert.NotNull(refreshed["AuthenticationResult"]?["AccessToken"]);
        Assert.Equal(2, function.Calls.Count);
    }

    [Fact]
    public async Task SrpAuth_PreAtInitiatePostBeforeTokens()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var function = await FunctionStandIn.StartAsync(ct);
        using var factory = new GatehouseFactory().WithSetting("Gatehouse:Triggers:LambdaEndpoint", function.BaseUrl);
        var api = factory.CreateAwsClient();
        var (poolId, clientId, _) = await api.PoolAndClientAsync(pool: Pool());
        await api.CreateUserAsync(poolId, "cy");

        var signedIn = await api.SrpAuthAsync(factory, poolId, clientId, "cy", AuthSetup.Password);

        Assert.NotNull(signedIn["AuthenticationResult"]?["AccessToken"]);
        Assert.Equal(["PreAuthentication_Authentication", "PostAuthentication_Authentication"],
            function.Calls.Select(c => c.Event["triggerSource"]!.GetValue<string>()).ToArray());
    }

    [Fact]
    public async Task PasswordAuth_PostAuthenticationError_NoTokens()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var function = await FunctionStandIn.StartAsync(ct);
        function.Answer = (context, call) => call.PathAndQuery.Contains("post-auth", StringComparison.Ordinal)
            ? ConfirmationTriggerTests.Fails("Audit failed")(context, call)
            : FunctionStandIn.Json(context, call.Body);
        using var factory = new GatehouseFactory().WithSetting("Gatehouse:Triggers:LambdaEndpoint", function.BaseUrl);
        var api = factory.CreateAwsClient();
        var (poolId, clientId, _) = await api.PoolAndClientAsync(pool: Pool());
        await api.CreateUserAsync(poolId, "dee");

        var refused = await api.PasswordAuthAsync(clientId, "dee", AuthSetup.Password);

        Assert.Equal("UserLambdaValidationException", refused.ErrorType);
        Assert.Equal("PostAuthentication failed with error Audit failed.", refused.Message);
        Assert.Null(refused["AuthenticationResult"]);
    }

    [Fact]
    public async Task PasswordAuth_HiddenUnknownUser_PreAuthenticationSeesUserNotFound()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var function = await FunctionStandIn.StartAsync(ct);
        using var factory = new GatehouseFactory().WithSetting("Gatehouse:Triggers:LambdaEndpoint", function.BaseUrl);
        var api = factory.CreateAwsClient();
        var (_, clientId, _) = await api.PoolAndClientAsync(
            new JsonObject { ["PreventUserExistenceErrors"] = "ENABLED" }, Pool());

        var refused = await api.PasswordAuthAsync(clientId, "nobody", AuthSetup.Password);

        Assert.Equal("NotAuthorizedException", refused.ErrorType);
        var e = Assert.Single(function.Calls).Event;
        Assert.True(e["request"]!["userNotFound"]!.GetValue<bool>());
        Assert.Equal("nobody", e["userName"]!.GetValue<string>());
    }

    private static JsonObject Pool() => new()
    {
        ["LambdaConfig"] = new JsonObject { ["PreAuthentication"] = PreArn, ["PostAuthentication"] = PostArn },
    };
}
