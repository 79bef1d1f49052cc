using Gatehouse.Server.Storage;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// The session tags of GetCredentialsForIdentity (attributes for access control, developer guide
/// using-attributes-for-access-control.md): for the login that chose the role, the pool's principal-tag map of
/// that provider (SetPrincipalTagAttributeMap) names, per tag key, the token claim that gives its value; with
/// UseDefaults the map is <see cref="PrincipalTagDefaults"/>. No map for the provider → no tags. A claim the token
/// lacks gives no tag.
/// </summary>
internal static class PrincipalTagValues
{
    public static Dictionary<string, string>? For(IdentityPoolRecord pool, VerifiedLogin? login)
    {
        if (login is null || !IdentityPoolSettings.PrincipalTags(pool).TryGetValue(login.Provider, out var map))
        {
            return null;
        }

        var claimsByTag = map.UseDefaults ? PrincipalTagDefaults.For(login.Provider) : map.PrincipalTags ?? new Dictionary<string, string>();
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (tag, claim) in claimsByTag)
        {
            if (login.Claim(claim) is { Length: > 0 } value)
            {
                tags[tag] = value;
            }
        }

        return tags.Count > 0 ? tags : null;
    }
}
