using System.Text.Json.Nodes;

namespace Gatehouse.Server.Tokens;

/// <summary>
/// What a pre token generation trigger asked for, read by <see cref="PreTokenResponse"/>: claims to add or override
/// and claims to suppress in each token, scopes to add to or take from the access token, and the group claims'
/// override (a null list or <see cref="PreferredRoleSet"/> false keeps the user's own).
/// </summary>
internal sealed record TokenClaimChanges(
    IReadOnlyDictionary<string, JsonNode?> IdClaims,
    IReadOnlyList<string> IdSuppress,
    IReadOnlyDictionary<string, JsonNode?> AccessClaims,
    IReadOnlyList<string> AccessSuppress,
    IReadOnlyList<string> ScopesToAdd,
    IReadOnlyList<string> ScopesToSuppress,
    IReadOnlyList<string>? Groups,
    IReadOnlyList<string>? Roles,
    bool PreferredRoleSet,
    string? PreferredRole)
{
    public static readonly TokenClaimChanges None = new(
        new Dictionary<string, JsonNode?>(), [], new Dictionary<string, JsonNode?>(), [], [], [], null, null, false, null);
}
