using System.Text.Json.Nodes;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Triggers;

/// <summary>
/// The pre sign-up trigger (AWS docs, "Pre sign-up Lambda trigger"): request <c>{userAttributes, validationData,
/// clientMetadata}</c>, response <c>{autoConfirmUser, autoVerifyEmail, autoVerifyPhone}</c>. No function: nothing
/// auto. A failed call is the caller's answer and nothing is stored.
/// </summary>
internal sealed class PreSignUpTrigger(LambdaTriggers triggers)
{
    public async Task<(PreSignUpDecision? Decision, AwsError? Error)> RunAsync(UserPool pool, string triggerSource,
        string userName, string? clientId, IReadOnlyDictionary<string, string> attributes,
        IReadOnlyList<AttributeType>? validationData, IReadOnlyDictionary<string, string>? clientMetadata,
        CancellationToken ct)
    {
        if (!triggers.Configured(pool, TriggerPoint.PreSignUp))
        {
            return (new PreSignUpDecision(false, false, false), null);
        }

        var request = new JsonObject
        {
            ["userAttributes"] = TriggerJson.Map(attributes),
            ["validationData"] = TriggerJson.Map(validationData?.ToDictionary(a => a.Name, a => a.Value ?? "", StringComparer.Ordinal)),
            ["clientMetadata"] = TriggerJson.Map(clientMetadata),
        };
        var response = new JsonObject { ["autoConfirmUser"] = false, ["autoVerifyEmail"] = false, ["autoVerifyPhone"] = false };
        var outcome = await triggers.InvokeAsync(pool, TriggerPoint.PreSignUp,
            new TriggerCall(triggerSource, userName, clientId, request, response), ct);
        if (outcome.Error is { } error)
        {
            return (null, error);
        }

        var fields = new TriggerResponse(outcome.Response!);
        var decision = new PreSignUpDecision(
            fields.Bool("autoConfirmUser") ?? false, fields.Bool("autoVerifyEmail") ?? false, fields.Bool("autoVerifyPhone") ?? false);
        return fields.Invalid ? (null, TriggerMessages.Unrecognizable()) : (decision, null);
    }
}
