using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.UserPools;

/// <summary>
/// Loads pools and app clients by their AWS identifiers, for every feature that receives them. These run on every
/// request, so they are EF compiled queries (no LINQ translation or query-cache lookup per call); they track the
/// rows they return, as the handlers that change a pool or client expect.
/// </summary>
internal static class UserPoolLookup
{
    private static readonly Func<AppDb, string, CancellationToken, Task<UserPool?>> PoolById =
        EF.CompileAsyncQuery((AppDb db, string poolId, CancellationToken ct) =>
            db.UserPools.FirstOrDefault(p => p.Id == poolId));

    private static readonly Func<AppDb, string, string, CancellationToken, Task<AppClient?>> ClientOfPool =
        EF.CompileAsyncQuery((AppDb db, string poolId, string clientId, CancellationToken ct) =>
            db.AppClients.FirstOrDefault(c => c.PoolId == poolId && c.ClientId == clientId));

    private static readonly Func<AppDb, string, CancellationToken, Task<AppClient?>> ClientById =
        EF.CompileAsyncQuery((AppDb db, string clientId, CancellationToken ct) =>
            db.AppClients.FirstOrDefault(c => c.ClientId == clientId));

    public static Task<UserPool?> FindPoolAsync(this AppDb db, string poolId, CancellationToken ct) =>
        PoolById(db, poolId, ct);

    /// <summary>An app client of the given pool; a client of another pool is not found.</summary>
    public static Task<AppClient?> FindClientAsync(this AppDb db, string poolId, string clientId, CancellationToken ct) =>
        ClientOfPool(db, poolId, clientId, ct);

    /// <summary>An app client by id alone, as the unsigned operations (InitiateAuth, SignUp) receive it.</summary>
    public static Task<AppClient?> FindClientAsync(this AppDb db, string clientId, CancellationToken ct) =>
        ClientById(db, clientId, ct);
}
