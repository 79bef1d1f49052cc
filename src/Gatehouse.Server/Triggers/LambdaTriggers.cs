using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;

namespace Gatehouse.Server.Triggers;

/// <summary>
/// Calls a pool's trigger functions with Cognito's event JSON and maps what comes back to Cognito's outcome. The
/// event (AWS docs, "Customizing user pool workflows with Lambda triggers", common parameters):
/// <code>
/// { "version": "1", "region": "us-east-1", "userPoolId": "us-east-1_abc", "userName": "jane",
///   "callerContext": { "awsSdkVersion": "aws-sdk-unknown-unknown", "clientId": "…" },
///   "triggerSource": "PreSignUp_SignUp", "request": { … }, "response": { … } }
/// </code>
/// A trigger point checks <see cref="Configured"/> first (no function, no call) and applies the outcome itself.
/// </summary>
internal sealed class LambdaTriggers(
    TriggerFunctions functions, TriggerTransport transport, TimeProvider clock, ILogger<LambdaTriggers> logger)
{
    public const string ClientIdNotApplicable = "CLIENT_ID_NOT_APPLICABLE";

    public static readonly ActivitySource Activity = new("Gatehouse.Triggers");

    // An instance member: trigger points ask the invoker they were given, which keeps a seam for later settings.
    [SuppressMessage("Performance", "CA1822", Justification = "Part of the invoker's instance API.")]
    public bool Configured(UserPool pool, TriggerPoint point) => FunctionArn(pool, point) is not null;

    /// <summary>The function the pool names for <paramref name="point"/>, or null.</summary>
    public static string? FunctionArn(UserPool pool, TriggerPoint point) =>
        ArnIn(UserPoolSettings.Read(pool).LambdaConfig, point) is { Length: > 0 } arn ? arn : null;

    public async Task<TriggerOutcome> InvokeAsync(UserPool pool, TriggerPoint point, TriggerCall call, CancellationToken ct)
    {
        var arn = FunctionArn(pool, point)
            ?? throw new InvalidOperationException($"Pool {pool.Id} has no {point} function; check Configured first.");
        using var span = Activity.StartActivity("Trigger " + point);
        var started = clock.GetTimestamp();
        if (functions.Resolve(arn) is not { } target)
        {
            Log.TriggerUnmapped(logger, point, pool.Id, arn);
            return Finish(point, pool, call, started, TriggerOutcome.Failed(TriggerMessages.NotInvocable(point)), "unmapped");
        }

        var (outcome, reason) = await transport.SendAsync(target, point, Envelope(pool, call), ct);
        return Finish(point, pool, call, started, outcome, reason);
    }

    /// <summary>Cognito's event: the common envelope around the call's request and response.</summary>
    public static JsonObject Envelope(UserPool pool, TriggerCall call)
    {
        var envelope = new JsonObject
        {
            ["version"] = call.Version,
            ["region"] = Region(pool.Id),
            ["userPoolId"] = pool.Id,
        };
        if (call.UserName is not null)
        {
            envelope["userName"] = call.UserName;
        }

        envelope["callerContext"] = new JsonObject
        {
            ["awsSdkVersion"] = call.AwsSdkVersion,
            ["clientId"] = call.ClientId ?? ClientIdNotApplicable,
        };
        envelope["triggerSource"] = call.TriggerSource;

        // Clones: a node has one parent, and the caller's objects stay theirs.
        envelope["request"] = call.Request.DeepClone();
        envelope["response"] = call.Response.DeepClone();
        return envelope;
    }

    private static string? ArnIn(LambdaConfigType? config, TriggerPoint point) => point switch
    {
        _ when config is null => null,
        TriggerPoint.PreSignUp => config.PreSignUp,
        TriggerPoint.CustomMessage => config.CustomMessage,
        TriggerPoint.PostConfirmation => config.PostConfirmation,
        TriggerPoint.PreAuthentication => config.PreAuthentication,
        TriggerPoint.PostAuthentication => config.PostAuthentication,
        TriggerPoint.DefineAuthChallenge => config.DefineAuthChallenge,
        TriggerPoint.CreateAuthChallenge => config.CreateAuthChallenge,
        TriggerPoint.VerifyAuthChallengeResponse => config.VerifyAuthChallengeResponse,
        TriggerPoint.PreTokenGeneration => config.PreTokenGenerationConfig?.LambdaArn is { Length: > 0 } v2
            ? v2
            : config.PreTokenGeneration,
        TriggerPoint.UserMigration => config.UserMigration,
        TriggerPoint.CustomSMSSender => config.CustomSMSSender?.LambdaArn,
        TriggerPoint.CustomEmailSender => config.CustomEmailSender?.LambdaArn,
        _ => throw new ArgumentOutOfRangeException(nameof(point), point, null),
    };

    /// <summary>The region a pool id starts with (<c>{region}_{suffix}</c>, <see cref="UserPoolIds"/>).</summary>
    private static string Region(string poolId) => poolId.Split('_', 2)[0];

    private TriggerOutcome Finish(
        TriggerPoint point, UserPool pool, TriggerCall call, long started, TriggerOutcome outcome, string reason)
    {
        var elapsedMs = (long)clock.GetElapsedTime(started).TotalMilliseconds;
        if (outcome.Error is { } error)
        {
            Log.TriggerFailed(logger, point, pool.Id, call.TriggerSource, elapsedMs, error.Type, reason);
        }
        else
        {
            Log.TriggerAnswered(logger, point, pool.Id, call.TriggerSource, elapsedMs);
        }

        return outcome;
    }
}
