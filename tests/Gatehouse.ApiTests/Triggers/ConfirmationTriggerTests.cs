using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.ApiTests.SelfService;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Triggers;

/// <summary>PreSignUp_AdminCreateUser and PostConfirmation_* with a loopback function.</summary>
public sealed class ConfirmationTriggerTests
{
    private const string PreSignUpArn = "arn:aws:lambda:us-east-1:123456789012:function:pre-signup";
    private const string PostConfirmationArn = "arn:aws:lambda:us-east-1:123456789012:function:post-confirmation";

    [Fact]
    public async Task AdminCreateUser_PreSignUp_GetsAdminEventAndAutoVerifies()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var function = await FunctionStandIn.StartAsync(ct);
        function.Answer = FunctionStandIn.Edit(e => e["response"]!["autoVerifyEmail"] = true);
        using var factory = new GatehouseFactory().WithSetting("Gatehouse:Triggers:LambdaEndpoint", function.BaseUrl);
        var api = factory.CreateAwsClient();
        var poolId = await api.CreatePoolIdAsync(Lambda("PreSignUp", PreSignUpArn));

        var created = await CreateUserAsync(api, poolId, "ann");

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal("FORCE_CHANGE_PASSWORD", created["User"]!["UserStatus"]!.GetValue<string>());
        var call = Assert.Single(function.Calls);
        Assert.EndsWith("/functions/pre-signup/invocations", call.PathAndQuery, StringComparison.Ordinal);
        var e = call.Event;
        Assert.Equal("PreSignUp_AdminCreateUser", e["triggerSource"]!.GetValue<string>());
        Assert.Equal("ann", e["userName"]!.GetValue<string>());
        Assert.Equal("CLIENT_ID_NOT_APPLICABLE", e["callerContext"]!["clientId"]!.GetValue<string>());
        Assert.Equal("ann@example.com", e["request"]!["userAttributes"]!["email"]!.GetValue<string>());
        Assert.Equal("v", e["request"]!["validationData"]!["check"]!.GetValue<string>());
        Assert.Equal("m", e["request"]!["clientMetadata"]!["meta"]!.GetValue<string>());
        var user = await api.CallAsync("AdminGetUser", new { UserPoolId = poolId, Username = "ann" });
        Assert.Contains(user["UserAttributes"]!.AsArray(), a => a!["Name"]!.GetValue<string>() == "email_verified"
            && a["Value"]!.GetValue<string>() == "true");
    }

    [Fact]
    public async Task AdminCreateUser_PreSignUpError_CreatesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var function = await FunctionStandIn.StartAsync(ct);
        function.Answer = Fails("Not on the list");
        using var factory = new GatehouseFactory().WithSetting("Gatehouse:Triggers:LambdaEndpoint", function.BaseUrl);
        var api = factory.CreateAwsClient();
        var poolId = await api.CreatePoolIdAsync(Lambda("PreSignUp", PreSignUpArn));

        var created = await CreateUserAsync(api, poolId, "bo");

        Assert.Equal("UserLambdaValidationException", created.ErrorType);
        Assert.Equal("PreSignUp failed with error Not on the list.", created.Message);
        var user = await api.CallAsync("AdminGetUser", new { UserPoolId = poolId, Username = "bo" });
        Assert.Equal("UserNotFoundException", user.ErrorType);
    }

    [Fact]
    public async Task ConfirmSignUp_PostConfirmation_GetsConfirmedUserAndClientMetadata()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var function = await FunctionStandIn.StartAsync(ct);
        using var factory = new GatehouseFactory().WithSetting("Gatehouse:Triggers:LambdaEndpoint", function.BaseUrl);
        var setup = await SelfServiceSetup.CreateAsync(factory.CreateAwsClient(), PoolWith("PostConfirmation", PostConfirmationArn));
        var email = SelfServiceSetup.NewEmail();
        Assert.Null((await setup.SignUpAsync("cy", ("email", email))).ErrorType);
        Assert.Empty(function.Calls);

        var confirmed = await setup.CallAsync("ConfirmSignUp", new JsonObject
        {
            ["Username"] = "cy",
            ["ConfirmationCode"] = await SelfServiceSetup.LastCodeAsync(factory, email),
            ["ClientMetadata"] = new JsonObject { ["source"] = "app" },
        }, "cy");

        Assert.Null(confirmed.ErrorType);
        var e = Assert.Single(function.Calls).Event;
        Assert.Equal("PostConfirmation_ConfirmSignUp", e["triggerSource"]!.GetValue<string>());
        Assert.Equal(setup.ClientId, e["callerContext"]!["clientId"]!.GetValue<string>());
        Assert.Equal("cy", e["userName"]!.GetValue<string>());
        var attributes = e["request"]!["userAttributes"]!;
        Assert.Equal("CONFIRMED", attributes["cognito:user_status"]!.GetValue<string>());
        Assert.Equal("true", attributes["email_verified"]!.GetValue<string>());
        Assert.NotNull(attributes["sub"]);
        Assert.Equal("app", e["request"]!["clientMetadata"]!["source"]!.GetValue<string>());
        Assert.Equal("{}", e["response"]!.ToJsonString());
    }

    [Fact]
    public async Task AdminConfirmSignUp_PostConfirmationError_AnswersErrorAndUserStaysConfirmed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var function = await FunctionStandIn.StartAsync(ct);
        using var factory = new GatehouseFactory().WithSetting("Gatehouse:Triggers:LambdaEndpoint", function.BaseUrl);
        var setup = await SelfServiceSetup.CreateAsync(factory.CreateAwsClient(), PoolWith("PostConfirmation", PostConfirmationArn));
        Assert.Null((await setup.SignUpAsync("dee", ("email", SelfServiceSetup.NewEmail()))).ErrorType);
        function.Answer = Fails("CRM down");

        var confirmed = await setup.Api.CallAsync("AdminConfirmSignUp", new { UserPoolId = setup.PoolId, Username = "dee" });

        Assert.Equal("UserLambdaValidationException", confirmed.ErrorType);
        Assert.Equal("PostConfirmation failed with error CRM down.", confirmed.Message);
        var e = Assert.Single(function.Calls).Event;
        Assert.Equal("PostConfirmation_ConfirmSignUp", e["triggerSource"]!.GetValue<string>());
        Assert.Equal("CLIENT_ID_NOT_APPLICABLE", e["callerContext"]!["clientId"]!.GetValue<string>());
        Assert.Equal("CONFIRMED", (await TestStore.UserAsync(factory, setup.PoolId, "dee")).Status);
    }

    [Fact]
    public async Task SignUp_AutoConfirmed_RunsPostConfirmation()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var function = await FunctionStandIn.StartAsync(ct);
        function.Answer = (context, call) => call.Event["triggerSource"]!.GetValue<string>() == "PreSignUp_SignUp"
            ? FunctionStandIn.Edit(e => e["response"]!["autoConfirmUser"] = true)(context, call)
            : FunctionStandIn.Json(context, call.Body);
        using var factory = new GatehouseFactory().WithSetting("Gatehouse:Triggers:LambdaEndpoint", function.BaseUrl);
        var pool = PoolWith("PostConfirmation", PostConfirmationArn);
        pool["LambdaConfig"]!["PreSignUp"] = PreSignUpArn;
        var setup = await SelfServiceSetup.CreateAsync(factory.CreateAwsClient(), pool);

        var signedUp = await setup.SignUpAsync("eve", ("email", SelfServiceSetup.NewEmail()));

        Assert.True(signedUp["UserConfirmed"]!.GetValue<bool>());
        Assert.Equal(["PreSignUp_SignUp", "PostConfirmation_ConfirmSignUp"],
            function.Calls.Select(c => c.Event["triggerSource"]!.GetValue<string>()).ToArray());
    }

    [Fact]
    public async Task ConfirmForgotPassword_RunsPostConfirmationForgotPassword_ErrorKeepsNewPassword()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var function = await FunctionStandIn.StartAsync(ct);
        using var factory = new GatehouseFactory().WithSetting("Gatehouse:Triggers:LambdaEndpoint", function.BaseUrl);
        var setup = await SelfServiceSetup.CreateAsync(factory.CreateAwsClient(), PoolWith("PostConfirmation", PostConfirmationArn));
        var email = SelfServiceSetup.NewEmail();
        await setup.ConfirmedUserAsync(factory, "fay", email);
        Assert.Null((await setup.ForgotPasswordAsync("fay")).ErrorType);
        var before = (await TestStore.UserAsync(factory, setup.PoolId, "fay")).PasswordVerifierProtected;
        function.Answer = Fails("No");

        var reset = await setup.ConfirmForgotPasswordAsync("fay", await SelfServiceSetup.LastCodeAsync(factory, email), "N3w-Passw0rd");

        Assert.Equal("UserLambdaValidationException", reset.ErrorType);
        Assert.Equal("PostConfirmation_ConfirmForgotPassword",
            function.Calls.Last().Event["triggerSource"]!.GetValue<string>());
        Assert.NotEqual(before, (await TestStore.UserAsync(factory, setup.PoolId, "fay")).PasswordVerifierProtected);
    }

    internal static Func<Microsoft.AspNetCore.Http.HttpContext, FunctionStandIn.Received, Task> Fails(string message) =>
        (context, _) =>
        {
            context.Response.Headers["X-Amz-Function-Error"] = "Unhandled";
            return FunctionStandIn.Json(context, new JsonObject { ["errorType"] = "Error", ["errorMessage"] = message }.ToJsonString());
        };

    private static JsonObject Lambda(string point, string arn) =>
        new() { ["LambdaConfig"] = new JsonObject { [point] = arn } };

    private static JsonObject PoolWith(string point, string arn)
    {
        var pool = Lambda(point, arn);
        pool["AutoVerifiedAttributes"] = new JsonArray("email");
        return pool;
    }

    private static Task<AwsResponse> CreateUserAsync(AwsApiClient api, string poolId, string username) =>
        api.CallAsync("AdminCreateUser", new
        {
            UserPoolId = poolId,
            Username = username,
            MessageAction = "SUPPRESS",
            UserAttributes = new[] { new { Name = "email", Value = username + "@example.com" } },
            ValidationData = new[] { new { Name = "check", Value = "v" } },
            ClientMetadata = new Dictionary<string, string> { ["meta"] = "m" },
        });
}
