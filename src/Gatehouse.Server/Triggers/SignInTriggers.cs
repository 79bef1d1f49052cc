using System.Text.Json.Nodes;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Triggers;

/// <summary>
/// The pre and post authentication triggers (AWS docs, "Pre authentication Lambda trigger", "Post authentication
/// Lambda trigger"). Pre authentication: request <c>{userAttributes, validationData, userNotFound}</c> (validationData
/// is the sign-in request's ClientMetadata; userNotFound only when the client hides user existence), response
/// <c>{}</c>; it runs before the password is checked, and its error refuses the sign-in. Post authentication:
/// request <c>{userAttributes, newDeviceUsed, clientMetadata}</c> (clientMetadata only from the respond operations:
/// Cognito does not pass InitiateAuth's on), response <c>{}</c>; it runs once the user is authenticated, before
/// tokens, and its error means no tokens. No function: nothing is called and nothing changes.
/// </summary>
internal sealed class SignInTriggers(LambdaTriggers triggers)
{
    public const string PreAuthenticationSource = "PreAuthentication_Authentication";
    public const string PostAuthenticationSource = "PostAuthentication_Authentication";

    public async Task<AwsError?> PreAuthenticationAsync(UserPool pool, string clientId, string userName, User? user,
        bool hidesUserExistence, IReadOnlyDictionary<string, string>? validationData, CancellationToken ct)
    {
        if (!triggers.Configured(pool, TriggerPoint.PreAuthentication))
        {
            return null;
        }

        var request = new JsonObject
        {
            ["userAttributes"] = user is null ? new JsonObject() : TriggerJson.UserAttributes(user),
            ["validationData"] = TriggerJson.Map(validationData),
        };
        if (hidesUserExistence)
        {
            request["userNotFound"] = user is null;
        }

        var outcome = await triggers.InvokeAsync(pool, TriggerPoint.PreAuthentication,
            new TriggerCall(PreAuthenticationSource, user?.Username ?? userName, clientId, request, new JsonObject()), ct);
        return outcome.Error;
    }

    public async Task<AwsError?> PostAuthenticationAsync(UserPool pool, string clientId, User user, bool? newDeviceUsed,
        IReadOnlyDictionary<string, string>? clientMetadata, CancellationToken ct)
    {
        if (!triggers.Configured(pool, TriggerPoint.PostAuthentication))
        {
            return null;
        }

        var request = new JsonObject
        {
            ["userAttributes"] = TriggerJson.UserAttributes(user),
            ["newDeviceUsed"] = newDeviceUsed,
            ["clientMetadata"] = TriggerJson.Map(clientMetadata),
        };
        var outcome = await triggers.InvokeAsync(pool, TriggerPoint.PostAuthentication,
            new TriggerCall(PostAuthenticationSource, user.Username, clientId, request, new JsonObject()), ct);
        return outcome.Error;
    }
}
