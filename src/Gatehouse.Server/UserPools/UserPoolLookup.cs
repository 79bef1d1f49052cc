using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.UserPools;

/// <summary>Loads pools and app clients by their AWS identifiers, for every feature that receives them.</summary>
internal static class UserPoolLookup
{
    public static Task<UserPool?> FindPoolAsync(this AppDb db, string poolId, CancellationToken ct) =>
        db.UserPools.FirstOrDefaultAsync(p => p.Id == poolId, ct);

    /// <summary>An app client of the given pool; a client of another pool is not found.</summary>
    public static Task<AppClient?> FindClientAsync(this AppDb db, string poolId, string clientId, CancellationToken ct) =>
        db.AppClients.FirstOrDefaultAsync(c => c.PoolId == poolId && c.ClientId == clientId, ct);

    /// <summary>An app client by id alone, as the unsigned operations (InitiateAuth, SignUp) receive it.</summary>
    public static Task<AppClient?> FindClientAsync(this AppDb db, string clientId, CancellationToken ct) =>
        db.AppClients.FirstOrDefaultAsync(c => c.ClientId == clientId, ct);
}
