using System.Text.Json.Nodes;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Triggers;
using Gatehouse.Server.UserPools;
using Gatehouse.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.ApiTests.Triggers;

/// <summary>The invoker against a loopback function: the envelope, both kinds of target and Cognito's error mapping.</summary>
public sealed class LambdaTriggersTests
{
    private const string Arn = "arn:aws:lambda:us-east-1:123456789012:function:pre-signup";
    private const string SigningKey = "0123456789abcdef0123456789abcdef-test";

    [Fact]
    public async Task InvokeAsync_LambdaApi_SendsCognitoEnvelopeAndReturnsResponse()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var function = await FunctionStandIn.StartAsync(ct);
        function.Answer = FunctionStandIn.Edit(e => e["response"]!["autoConfirmUser"] = true);
        using var factory = new GatehouseFactory().WithSetting("Gatehouse:Triggers:LambdaEndpoint", function.BaseUrl);

        var outcome = await Invoker(factory).InvokeAsync(Pool(Arn + ":live"), TriggerPoint.PreSignUp, Call(), ct);

        Assert.True(outcome.Succeeded);
        Assert.True(outcome.Response!["autoConfirmUser"]!.GetValue<bool>());
        var call = Assert.Single(function.Calls);
        Assert.Equal("/2015-03-31/functions/pre-signup/invocations?Qualifier=live", call.PathAndQuery);
        var sent = call.Event;
        Assert.Equal("1", sent["version"]!.GetValue<string>());
        Assert.Equal("us-east-1", sent["region"]!.GetValue<string>());
        Assert.Equal("us-east-1_TestPool1", sent["userPoolId"]!.GetValue<string>());
        Assert.Equal("jane", sent["userName"]!.GetValue<string>());
        Assert.Equal("client1", sent["callerContext"]!["clientId"]!.GetValue<string>());
        Assert.Equal("aws-sdk-unknown-unknown", sent["callerContext"]!["awsSdkVersion"]!.GetValue<string>());
        Assert.Equal("PreSignUp_SignUp", sent["triggerSource"]!.GetValue<string>());
        Assert.Equal("jane@example.com", sent["request"]!["userAttributes"]!["email"]!.GetValue<string>());
        Assert.False(sent["response"]!["autoConfirmUser"]!.GetValue<bool>());
        Assert.False(call.Headers.ContainsKey(TriggerSignature.SignatureHeader));
    }

    [Fact]
    public async Task InvokeAsync_NoUserNameNoClient_OmitsUserNameAndSendsClientIdNotApplicable()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var function = await FunctionStandIn.StartAsync(ct);
        using var factory = new GatehouseFactory().WithSetting("Gatehouse:Triggers:LambdaEndpoint", function.BaseUrl);

        await Invoker(factory).InvokeAsync(Pool(Arn), TriggerPoint.PreSignUp, Call() with { UserName = null, ClientId = null }, ct);

        var sent = Assert.Single(function.Calls).Event;
        Assert.False(sent.ContainsKey("userName"));
        Assert.Equal("CLIENT_ID_NOT_APPLICABLE", sent["callerContext"]!["clientId"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvokeAsync_HttpFunction_SignsTheBody()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var function = await FunctionStandIn.StartAsync(ct);
        using var factory = new GatehouseFactory()
            .WithSetting("Gatehouse:Triggers:SigningKey", SigningKey)
            .WithSetting("Gatehouse:Triggers:Functions:0:Function", "pre-signup")
            .WithSetting("Gatehouse:Triggers:Functions:0:Url", function.BaseUrl + "/hooks/pre-signup");

        var outcome = await Invoker(factory).InvokeAsync(Pool(Arn), TriggerPoint.PreSignUp, Call(), ct);

        Assert.True(outcome.Succeeded);
        var call = Assert.Single(function.Calls);
        Assert.Equal("/hooks/pre-signup", call.PathAndQuery);
        var timestamp = long.Parse(call.Headers[TriggerSignature.TimestampHeader], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(factory.Clock.GetUtcNow().ToUnixTimeSeconds(), timestamp);
        var expected = TriggerSignature.Sign(SigningKey, timestamp, System.Text.Encoding.UTF8.GetBytes(call.Body));
        Assert.Equal(expected, call.Headers[TriggerSignature.SignatureHeader]);
        Assert.NotEqual(TriggerSignature.Sign(SigningKey + "x", timestamp, System.Text.Encoding.UTF8.GetBytes(call.Body)), expected);
    }

    [Fact]
    public async Task InvokeAsync_FunctionError_ReturnsUserLambdaValidation()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var function = await FunctionStandIn.StartAsync(ct);
        function.Answer = (context, _) =>
        {
            context.Response.Headers["X-Amz-Function-Error"] = "Unhandled";
            return FunctionStandIn.Json(context, """{"errorType":"Error","errorMessage":"Email domain not allowed"}""");
        };
        using var factory = new GatehouseFactory().WithSetting("Gatehouse:Triggers:LambdaEndpoint", function.BaseUrl);

        var outcome = await Invoker(factory).InvokeAsync(Pool(Arn), TriggerPoint.PreSignUp, Call(), ct);

        Assert.Equal("UserLambdaValidationException", outcome.Error!.Type);
        Assert.Equal("PreSignUp failed with error Email domain not allowed.", outcome.Error.Message);
    }

    [Theory]
    [InlineData("not json", "Invalid lambda function output : Invalid JSON")]
    [InlineData("null", "Invalid lambda function output : Invalid JSON")]
    [InlineData("""{"version":"1"}""", "Unrecognizable lambda output")]
    [InlineData("""{"response":[1]}""", "Unrecognizable lambda output")]
    public async Task InvokeAsync_BadAnswer_ReturnsInvalidLambdaResponse(string answer, string message)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var function = await FunctionStandIn.StartAsync(ct);
        function.Answer = (context, _) => FunctionStandIn.Json(context, answer);
        using var factory = new GatehouseFactory().WithSetting("Gatehouse:Triggers:LambdaEndpoint", function.BaseUrl);

        var outcome = await Invoker(factory).InvokeAsync(Pool(Arn), TriggerPoint.PreSignUp, Call(), ct);

        Assert.Equal("InvalidLambdaResponseException", outcome.Error!.Type);
        Assert.Equal(message, outcome.Error.Message);
    }

    [Fact]
    public async Task InvokeAsync_AnswerOverCap_ReturnsInvalidLambdaResponse()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var function = await FunctionStandIn.StartAsync(ct);
        function.Answer = (context, _) => FunctionStandIn.Json(context, "{\"response\":{\"x\":\"" + new string('a', 4096) + "\"}}");
        using var factory = new GatehouseFactory()
            .WithSetting("Gatehouse:Triggers:LambdaEndpoint", function.BaseUrl)
            .WithSetting("Gatehouse:Triggers:MaxResponseBytes", "2048");

        var outcome = await Invoker(factory).InvokeAsync(Pool(Arn), TriggerPoint.PreSignUp, Call(), ct);

        Assert.Equal("InvalidLambdaResponseException", outcome.Error!.Type);
    }

    [Fact]
    public async Task InvokeAsync_FunctionHangsPastTimeout_ReturnsUnexpectedLambda()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var function = await FunctionStandIn.StartAsync(ct);
        var release = new TaskCompletionSource();
        function.Answer = async (context, call) =>
        {
            await release.Task.WaitAsync(context.RequestAborted);
            await FunctionStandIn.Json(context, call.Body);
        };
        using var factory = new GatehouseFactory().WithSetting("Gatehouse:Triggers:LambdaEndpoint", function.BaseUrl);
        var invoker = Invoker(factory);

        var pending = invoker.InvokeAsync(Pool(Arn), TriggerPoint.PreSignUp, Call(), ct);
        await function.Arrived.Task.WaitAsync(ct);
        factory.Clock.Advance(TimeSpan.FromMilliseconds(4999));
        Assert.False(pending.IsCompleted);
        factory.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var outcome = await pending.WaitAsync(ct);
        release.TrySetResult();

        Assert.Equal("UnexpectedLambdaException", outcome.Error!.Type);
        Assert.Equal("PreSignUp invocation failed due to error Socket timeout while invoking Lambda function.",
            outcome.Error.Message);
    }

    [Theory]
    [InlineData(500, "ServiceException")]
    [InlineData(404, "ResourceNotFoundException")]
    public async Task InvokeAsync_ServiceError_ReturnsUnexpectedLambda(int status, string reason)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var function = await FunctionStandIn.StartAsync(ct);
        function.Answer = (context, _) => FunctionStandIn.Json(context, "{}", status);
        using var factory = new GatehouseFactory().WithSetting("Gatehouse:Triggers:LambdaEndpoint", function.BaseUrl);

        var outcome = await Invoker(factory).InvokeAsync(Pool(Arn), TriggerPoint.PostConfirmation, Call(), ct);

        Assert.Equal("UnexpectedLambdaException", outcome.Error!.Type);
        Assert.Equal($"PostConfirmation invocation failed due to error {reason}.", outcome.Error.Message);
    }

    [Fact]
    public async Task InvokeAsync_UnmappedArn_ReturnsUnexpectedLambdaAccessDenied()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = new GatehouseFactory();

        var outcome = await Invoker(factory).InvokeAsync(Pool(Arn), TriggerPoint.PreSignUp, Call(), ct);

        Assert.Equal("UnexpectedLambdaException", outcome.Error!.Type);
        Assert.Equal("PreSignUp invocation failed due to error AccessDeniedException.", outcome.Error.Message);
    }

    [Fact]
    public void Configured_PreTokenGenerationConfig_WinsOverLegacyArn()
    {
        using var factory = new GatehouseFactory();
        var pool = Pool(null, new LambdaConfigType
        {
            PreTokenGeneration = "arn:aws:lambda:us-east-1:123456789012:function:v1",
            PreTokenGenerationConfig = new() { LambdaVersion = "V2_0", LambdaArn = "arn:aws:lambda:us-east-1:123456789012:function:v2" },
        });

        Assert.True(Invoker(factory).Configured(pool, TriggerPoint.PreTokenGeneration));
        Assert.False(Invoker(factory).Configured(pool, TriggerPoint.PreSignUp));
        Assert.EndsWith(":v2", LambdaTriggers.FunctionArn(pool, TriggerPoint.PreTokenGeneration), StringComparison.Ordinal);
    }

    private static LambdaTriggers Invoker(GatehouseFactory factory) => factory.Services.GetRequiredService<LambdaTriggers>();

    private static UserPool Pool(string? preSignUp, LambdaConfigType? config = null) => new()
    {
        Id = "us-east-1_TestPool1",
        Name = "triggers",
        Settings = UserPoolSettings.Write(new UserPoolType
        {
            LambdaConfig = config ?? new LambdaConfigType { PreSignUp = preSignUp, PostConfirmation = preSignUp },
        }),
    };

    private static TriggerCall Call() => new(
        "PreSignUp_SignUp",
        "jane",
        "client1",
        new JsonObject
        {
            ["userAttributes"] = new JsonObject { ["email"] = "jane@example.com" },
            ["validationData"] = null,
            ["clientMetadata"] = null,
        },
        new JsonObject { ["autoConfirmUser"] = false, ["autoVerifyEmail"] = false, ["autoVerifyPhone"] = false });
}
