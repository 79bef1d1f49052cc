using System.Text.Json.Nodes;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Triggers;

/// <summary>
/// The post confirmation trigger (AWS docs, "Post confirmation Lambda trigger"): request
/// <c>{userAttributes, clientMetadata}</c> with the confirmed user's current attributes, response <c>{}</c>;
/// PostConfirmation_ConfirmSignUp after ConfirmSignUp, AdminConfirmSignUp and a pre sign-up auto-confirm,
/// PostConfirmation_ConfirmForgotPassword after ConfirmForgotPassword. It runs after the change is stored: as in
/// Cognito, a failing function does not undo the confirmation (or the new password); the caller answers its error.
/// </summary>
internal sealed class PostConfirmationTrigger(LambdaTriggers triggers)
{
    public const string ConfirmSignUpSource = "PostConfirmation_ConfirmSignUp";
    public const string ConfirmForgotPasswordSource = "PostConfirmation_ConfirmForgotPassword";

    public async Task<AwsError?> RunAsync(UserPool pool, string triggerSource, string? clientId, User user,
        IReadOnlyDictionary<string, string>? clientMetadata, CancellationToken ct)
    {
        if (!triggers.Configured(pool, TriggerPoint.PostConfirmation))
        {
            return null;
        }

        var request = new JsonObject
        {
            ["userAttributes"] = TriggerJson.UserAttributes(user),
            ["clientMetadata"] = TriggerJson.Map(clientMetadata),
        };
        var outcome = await triggers.InvokeAsync(pool, TriggerPoint.PostConfirmation,
            new TriggerCall(triggerSource, user.Username, clientId, request, new JsonObject()), ct);
        return outcome.Error;
    }
}
