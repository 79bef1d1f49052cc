using System.Text.Json.Nodes;

namespace Gatehouse.Server.Tokens;

/// <summary>
/// Applies a pre token generation trigger's claim changes to a token's claim set. The claims Cognito keeps out of
/// the trigger's reach (developer guide, "Pre token generation Lambda trigger": acr, amr, aud, at_hash, auth_time,
/// azp, cognito:username, exp, iat, identities, iss, jti, nbf, nonce, origin_jti, sub, token_use; protocol-notes §9)
/// are left as they are whatever the trigger asks, as Cognito ignores such changes. So are the claims the trigger
/// changes through other fields: the group claims (<c>groupOverrideDetails</c>) and the access token's
/// <c>scope</c> (<c>scopesToAdd</c> / <c>scopesToSuppress</c>), and the access token's identity of the client and
/// user (<c>client_id</c>, <c>username</c>, <c>version</c>, <c>device_key</c>), which resource servers and
/// aws-jwt-verify check. Suppression wins over an add of the same claim.
/// </summary>
internal static class TokenClaimEdits
{
    private static readonly HashSet<string> Protected = new(
    [
        "acr", "amr", "aud", "at_hash", "auth_time", "azp", "cognito:username", "exp", "iat", "identities", "iss",
        "jti", "nbf", "nonce", "origin_jti", "sub", "token_use",
        "cognito:groups", "cognito:roles", "cognito:preferred_role",
    ], StringComparer.Ordinal);

    private static readonly HashSet<string> ProtectedInAccess = new(
        ["scope", "client_id", "username", "version", "device_key"], StringComparer.Ordinal);

    public static bool IsProtected(string claim, bool accessToken) =>
        Protected.Contains(claim) || claim.StartsWith("dev:", StringComparison.Ordinal)
        || (accessToken && ProtectedInAccess.Contains(claim));

    /// <summary>The claim set with the changes applied; the input when there are none.</summary>
    public static string Apply(
        string payloadJson, IReadOnlyDictionary<string, JsonNode?> add, IReadOnlyList<string> suppress, bool accessToken)
    {
        if (add.Count == 0 && suppress.Count == 0)
        {
            return payloadJson;
        }

        // The claim set was written by TokenClaimSets, always a JSON object.
        var claims = JsonNode.Parse(payloadJson)!.AsObject();
        foreach (var (name, value) in add)
        {
            if (!IsProtected(name, accessToken))
            {
                claims[name] = value?.DeepClone();
            }
        }

        foreach (var name in suppress)
        {
            if (!IsProtected(name, accessToken))
            {
                claims.Remove(name);
            }
        }

        return claims.ToJsonString();
    }

    /// <summary>
    /// The access token's scopes after the trigger: added ones appended (each once), suppressed ones removed.
    /// <c>aws.cognito.signin.user.admin</c> is never added by a trigger: it opens the user's self-service API,
    /// which only the client's own configuration grants.
    /// </summary>
    public static string Scopes(string scope, IReadOnlyList<string> toAdd, IReadOnlyList<string> toSuppress)
    {
        if (toAdd.Count == 0 && toSuppress.Count == 0)
        {
            return scope;
        }

        var scopes = OAuthScopes.Split(scope).ToList();
        foreach (var added in toAdd)
        {
            if (added.Length > 0 && !added.Contains(' ', StringComparison.Ordinal)
                && !string.Equals(added, TokenClaimSets.AdminScope, StringComparison.Ordinal)
                && !scopes.Contains(added, StringComparer.Ordinal))
            {
                scopes.Add(added);
            }
        }

        scopes.RemoveAll(s => toSuppress.Contains(s, StringComparer.Ordinal));
        return string.Join(' ', scopes);
    }
}
