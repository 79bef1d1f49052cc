using Gatehouse.Server.Storage;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// Whether an identity is disabled (ListIdentities' HideDisabled). Cognito disables an identity whose last login is
/// unlinked: "Removing the last linked login will make this identity inaccessible" (UnlinkIdentity), "the Cognito
/// identity becomes inaccessible" (UnlinkDeveloperIdentity). The store has no flag for it, so the rule is read from
/// what an identity is: one with no logins that was modified after it was created (only linking and unlinking logins
/// modify an identity, and whoever unlinks sets <see cref="Identity.LastModifiedAt"/> past its creation with
/// <see cref="Touch"/>). A guest identity has no logins but was never modified, so it stays enabled.
/// </summary>
internal static class IdentityStatus
{
    /// <summary>The identities that are not disabled.</summary>
    public static IQueryable<Identity> WhereEnabled(this IQueryable<Identity> identities, AppDb db) =>
        identities.Where(i => i.LastModifiedAt == i.CreatedAt || db.IdentityLogins.Any(l => l.IdentityId == i.Id));

    /// <summary>
    /// Marks a change of the identity's logins; at least a millisecond after its creation, the store's precision
    /// (a later instant within the same millisecond would read back equal to the creation).
    /// </summary>
    public static void Touch(Identity identity, DateTimeOffset now) =>
        identity.LastModifiedAt = now >= identity.CreatedAt.AddMilliseconds(1) ? now : identity.CreatedAt.AddMilliseconds(1);

    /// <summary>Whether an identity with <paramref name="loginCount"/> logins is disabled (see above).</summary>
    public static bool IsDisabled(Identity identity, int loginCount) =>
        loginCount == 0 && identity.LastModifiedAt != identity.CreatedAt;
}
