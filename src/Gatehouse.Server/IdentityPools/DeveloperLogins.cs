using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// Developer-authenticated logins: <see cref="IdentityLogin"/> rows whose Provider is the pool's
/// DeveloperProviderName and whose Subject is the developer user identifier, as GetOpenIdTokenForDeveloperIdentity
/// links them.
/// </summary>
internal static class DeveloperLogins
{
    /// <summary>The login of a developer user, tracked; null when the pool has no developer provider or no such user.</summary>
    public static async Task<IdentityLogin?> FindDeveloperLoginAsync(
        this AppDb db, IdentityPoolRecord pool, string developerUserIdentifier, CancellationToken ct) =>
        pool.DeveloperProviderName is { } provider
            ? await db.IdentityLogins.FirstOrDefaultAsync(
                l => l.PoolId == pool.Id && l.Provider == provider && l.Subject == developerUserIdentifier, ct)
            : null;
}
