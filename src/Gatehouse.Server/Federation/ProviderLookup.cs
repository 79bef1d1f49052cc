using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Federation;

/// <summary>A pool's provider by its case-sensitive name (tracked, for the operations that change it).</summary>
internal static class ProviderLookup
{
    public static Task<IdentityProvider?> FindAsync(AppDb db, string poolId, string providerName, CancellationToken ct) =>
        db.IdentityProviders.FirstOrDefaultAsync(p => p.PoolId == poolId && p.ProviderName == providerName, ct);
}
