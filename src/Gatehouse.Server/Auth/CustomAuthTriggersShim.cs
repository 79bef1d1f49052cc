using System.Text.Json.Nodes;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;

// Stand-in for the trigger invoker of Triggers/ (LambdaTriggers, TriggerPoint, TriggerCall, TriggerOutcome), with
// the same names and signatures, so that CUSTOM_AUTH builds before that folder exists. It reports no trigger as
// configured, so CUSTOM_AUTH answers Cognito's "not configured" refusal and nothing calls InvokeAsync.
// Delete this file when Triggers/ is merged (its types replace these).
namespace Gatehouse.Server.Triggers;

internal enum TriggerPoint
{
    DefineAuthChallenge,
    CreateAuthChallenge,
    VerifyAuthChallengeResponse,
}

internal sealed record TriggerCall(string TriggerSource, string UserName, string ClientId, JsonObject Request, JsonObject Response);

internal sealed record TriggerOutcome(JsonObject? Response = null, AwsError? Error = null);

internal sealed class LambdaTriggers
{
    public static bool Configured(UserPool pool, TriggerPoint point) => pool is null && point < 0;

#pragma warning disable CA1822 // The real invoker is an instance service; this stand-in keeps its shape.
    public Task<TriggerOutcome> InvokeAsync(UserPool pool, TriggerPoint point, TriggerCall call, CancellationToken ct) =>
        throw new InvalidOperationException("No trigger invoker: Configured reports every trigger as absent.");
#pragma warning restore CA1822
}
