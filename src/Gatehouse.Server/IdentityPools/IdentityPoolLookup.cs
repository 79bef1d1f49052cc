using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.IdentityPools;

/// <summary>Finds identity pools and identities by id, tracked, so that a handler can change what it found.</summary>
internal static class IdentityPoolLookup
{
    public static Task<IdentityPoolRecord?> FindIdentityPoolAsync(this AppDb db, string poolId, CancellationToken ct) =>
        db.IdentityPools.FirstOrDefaultAsync(p => p.Id == poolId, ct);

    public static Task<Identity?> FindIdentityAsync(this AppDb db, string identityId, CancellationToken ct) =>
        db.Identities.FirstOrDefaultAsync(i => i.Id == identityId, ct);

    /// <summary>The provider names of an identity's logins, in name order (DescribeIdentity's <c>Logins</c>).</summary>
    public static Task<List<string>> LoginProvidersAsync(this AppDb db, string identityId, CancellationToken ct) =>
        db.IdentityLogins.AsNoTracking().Where(l => l.IdentityId == identityId)
            .Select(l => l.Provider).Distinct().OrderBy(p => p).ToListAsync(ct);
}
