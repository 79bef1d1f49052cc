using System.Text.Json.Nodes;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Triggers;
using Gatehouse.Server.UserPools;

namespace Gatehouse.Server.Tokens;

/// <summary>
/// Calls the pool's pre token generation trigger before tokens are signed (developer guide, "Pre token generation
/// Lambda trigger"). The event version follows <c>LambdaConfig.PreTokenGenerationConfig.LambdaVersion</c>: V1_0
/// (event version "1", ID token claims only), V2_0 and V3_0 (event versions "2" and "3": the request adds
/// <c>scopes</c>, the response customizes both tokens). A pool with only the legacy <c>PreTokenGeneration</c> ARN
/// gets V1_0, as in Cognito. Machine-to-machine tokens (client_credentials) call only a V3_0 trigger.
/// Nothing is stored before the trigger answers, so a failed trigger leaves no token and no refresh token.
/// </summary>
internal sealed class PreTokenGeneration(AppDb db, LambdaTriggers triggers)
{
    /// <summary>
    /// The user token changes; <see cref="TokenClaimChanges.None"/> when the pool has no trigger; the trigger's
    /// mapped error (UserLambdaValidationException, UnexpectedLambdaException, InvalidLambdaResponseException).
    /// </summary>
    public async Task<(TokenClaimChanges? Changes, AwsError? Error)> ForUserAsync(
        AppClient client, User user, PreTokenInput input, CancellationToken ct)
    {
        if (await db.FindPoolAsync(client.PoolId, ct) is not { } pool
            || !triggers.Configured(pool, TriggerPoint.PreTokenGeneration))
        {
            return (TokenClaimChanges.None, null);
        }

        var version = EventVersion(pool);
        var request = new JsonObject
        {
            ["userAttributes"] = TriggerAttributes(user),
            ["groupConfiguration"] = new JsonObject
            {
                ["groupsToOverride"] = Array(input.Groups),
                ["iamRolesToOverride"] = Array(input.Roles),
                ["preferredRole"] = input.PreferredRole,
            },
        };
        if (version != "1")
        {
            request["scopes"] = Array(OAuthScopes.Split(input.Scopes));
        }

        request["clientMetadata"] = Metadata(input.ClientMetadata);
        return await CallAsync(pool, version, new TriggerCall(input.TriggerSource, user.Username, client.ClientId, request,
            new JsonObject { [ResponseField(version)] = null })
        { Version = version }, ct);
    }

    /// <summary>A client_credentials token's changes: only a V3_0 trigger is called, with no user.</summary>
    public async Task<(TokenClaimChanges? Changes, AwsError? Error)> ForClientAsync(
        AppClient client, string scopes, IReadOnlyDictionary<string, string>? clientMetadata, CancellationToken ct)
    {
        if (await db.FindPoolAsync(client.PoolId, ct) is not { } pool
            || !triggers.Configured(pool, TriggerPoint.PreTokenGeneration)
            || EventVersion(pool) != "3")
        {
            return (TokenClaimChanges.None, null);
        }

        var request = new JsonObject
        {
            ["userAttributes"] = new JsonObject(),
            ["groupConfiguration"] = null,
            ["scopes"] = Array(OAuthScopes.Split(scopes)),
            ["clientMetadata"] = Metadata(clientMetadata),
        };
        return await CallAsync(pool, "3", new TriggerCall(PreTokenSources.ClientCredentials, null, client.ClientId, request,
            new JsonObject { [ResponseField("3")] = null })
        { Version = "3" }, ct);
    }

    private async Task<(TokenClaimChanges? Changes, AwsError? Error)> CallAsync(
        UserPool pool, string version, TriggerCall call, CancellationToken ct)
    {
        var outcome = await triggers.InvokeAsync(pool, TriggerPoint.PreTokenGeneration, call, ct);
        if (outcome.Error is { } error)
        {
            return (null, error);
        }

        // A field of the wrong type is Cognito's "Unrecognizable lambda output" (InvalidLambdaResponseException).
        var (changes, invalid) = PreTokenResponse.Read(outcome.Response, version == "1");
        return invalid is null ? (changes, null) : (null, TriggerMessages.Unrecognizable());
    }

    /// <summary>"1", "2" or "3" from PreTokenGenerationConfig.LambdaVersion (V1_0 when only the ARN is set).</summary>
    private static string EventVersion(UserPool pool) =>
        UserPoolSettings.Read(pool).LambdaConfig?.PreTokenGenerationConfig?.LambdaVersion switch
        {
            "V2_0" => "2",
            "V3_0" => "3",
            _ => "1",
        };

    private static string ResponseField(string version) =>
        version == "1" ? "claimsOverrideDetails" : "claimsAndScopeOverrideDetails";

    private static JsonObject TriggerAttributes(User user)
    {
        var attributes = new JsonObject();
        foreach (var (name, value) in Users.UserRecordWriter.ReadAttributes(user).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            attributes[name] = value;
        }

        attributes["cognito:user_status"] = user.Status;
        return attributes;
    }

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);

    private static JsonObject Metadata(IReadOnlyDictionary<string, string>? metadata)
    {
        var result = new JsonObject();
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            result[key] = value;
        }

        return result;
    }
}
