using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gatehouse.Server.Tokens;

/// <summary>
/// Reads the <c>response</c> of a pre token generation trigger (developer guide, "Pre token generation Lambda
/// trigger", response parameters).
/// <list type="bullet">
/// <item>V1_0: <c>claimsOverrideDetails</c> {<c>claimsToAddOrOverride</c> (string values), <c>claimsToSuppress</c>,
/// <c>groupOverrideDetails</c>}; the claims apply to the ID token only.</item>
/// <item>V2_0 / V3_0: <c>claimsAndScopeOverrideDetails</c> {<c>idTokenGeneration</c> {claimsToAddOrOverride,
/// claimsToSuppress}, <c>accessTokenGeneration</c> {claimsToAddOrOverride, claimsToSuppress, scopesToAdd,
/// scopesToSuppress}, <c>groupOverrideDetails</c>}; claim values may be strings, numbers, booleans, arrays or
/// objects.</item>
/// </list>
/// A null or absent object changes nothing. A field of the wrong JSON type is an invalid response (the caller
/// answers InvalidLambdaResponseException); claims the trigger may not touch are dropped later, by
/// <see cref="TokenClaimEdits"/>.
/// </summary>
internal static class PreTokenResponse
{
    /// <summary>The changes, or the reason the response is invalid.</summary>
    public static (TokenClaimChanges? Changes, string? Invalid) Read(JsonObject? response, bool version1)
    {
        try
        {
            return (version1 ? ReadV1(response) : ReadV2(response), null);
        }
        catch (InvalidResponseException e)
        {
            return (null, e.Message);
        }
    }

    private static TokenClaimChanges ReadV1(JsonObject? response)
    {
        if (Object(response, "claimsOverrideDetails") is not { } details)
        {
            return TokenClaimChanges.None;
        }

        var claims = Claims(details, "claimsToAddOrOverride", stringsOnly: true);
        var suppress = Strings(details, "claimsToSuppress");
        return WithGroups(TokenClaimChanges.None with { IdClaims = claims, IdSuppress = suppress }, details);
    }

    private static TokenClaimChanges ReadV2(JsonObject? response)
    {
        if (Object(response, "claimsAndScopeOverrideDetails") is not { } details)
        {
            return TokenClaimChanges.None;
        }

        var id = Object(details, "idTokenGeneration");
        var access = Object(details, "accessTokenGeneration");
        var changes = TokenClaimChanges.None with
        {
            IdClaims = id is null ? TokenClaimChanges.None.IdClaims : Claims(id, "claimsToAddOrOverride", false),
            IdSuppress = id is null ? [] : Strings(id, "claimsToSuppress"),
            AccessClaims = access is null ? TokenClaimChanges.None.AccessClaims : Claims(access, "claimsToAddOrOverride", false),
            AccessSuppress = access is null ? [] : Strings(access, "claimsToSuppress"),
            ScopesToAdd = access is null ? [] : Strings(access, "scopesToAdd"),
            ScopesToSuppress = access is null ? [] : Strings(access, "scopesToSuppress"),
        };
        return WithGroups(changes, details);
    }

    private static TokenClaimChanges WithGroups(TokenClaimChanges changes, JsonObject details)
    {
        if (Object(details, "groupOverrideDetails") is not { } groups)
        {
            return changes;
        }

        var preferredSet = groups.TryGetPropertyValue("preferredRole", out var preferred) && preferred is not null;
        return changes with
        {
            Groups = groups["groupsToOverride"] is null ? null : Strings(groups, "groupsToOverride"),
            Roles = groups["iamRolesToOverride"] is null ? null : Strings(groups, "iamRolesToOverride"),
            PreferredRoleSet = preferredSet,
            PreferredRole = preferredSet ? String(preferred!, "preferredRole") : null,
        };
    }

    private static JsonObject? Object(JsonObject? parent, string name) =>
        parent?[name] switch
        {
            null => null,
            JsonObject o => o,
            _ => throw new InvalidResponseException($"{name} must be an object."),
        };

    private static Dictionary<string, JsonNode?> Claims(JsonObject parent, string name, bool stringsOnly)
    {
        var claims = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (Object(parent, name) is not { } map)
        {
            return claims;
        }

        foreach (var (claim, value) in map)
        {
            if (value is null)
            {
                // A null value adds nothing (it is not a suppression either).
                continue;
            }

            if (stringsOnly && value.GetValueKind() != JsonValueKind.String)
            {
                // V1_0's claimsToAddOrOverride is a map of strings; typed values need V2_0.
                throw new InvalidResponseException($"{name}.{claim} must be a string.");
            }

            claims[claim] = value.DeepClone();
        }

        return claims;
    }

    private static List<string> Strings(JsonObject parent, string name)
    {
        switch (parent[name])
        {
            case null:
                return [];
            case JsonArray array:
                return [.. array.Select(item => item is null ? throw new InvalidResponseException($"{name} holds a null.") : String(item, name))];
            default:
                throw new InvalidResponseException($"{name} must be an array of strings.");
        }
    }

    private static string String(JsonNode node, string name) =>
        node.GetValueKind() == JsonValueKind.String
            ? node.GetValue<string>()
            : throw new InvalidResponseException($"{name} must hold strings.");

    private sealed class InvalidResponseException(string message) : Exception(message);
}
