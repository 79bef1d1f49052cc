using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Users;

/// <summary>
/// Finds a user from what an admin operation's <c>Username</c> holds: the username itself, or any of the user's
/// sign-in aliases, or the <c>sub</c> (AdminGetUser and the other admin operations' Username documentation).
/// </summary>
internal static class UserLookup
{
    // Compiled: every sign-in runs it.
    private static readonly Func<AppDb, string, string, CancellationToken, Task<User?>> ByUsernameKey =
        EF.CompileAsyncQuery((AppDb db, string poolId, string key, CancellationToken ct) =>
            db.Users.FirstOrDefault(u => u.PoolId == poolId && u.UsernameKey == key));

    public static async Task<User?> FindAsync(AppDb db, PoolSettings settings, string username, CancellationToken ct)
    {
        var poolId = settings.Pool.Id;
        var key = settings.UsernameKey(username);
        var byName = await ByUsernameKey(db, poolId, key, ct);
        if (byName is not null)
        {
            return byName;
        }

        var lowered = username.ToLowerInvariant();
        return await db.Users.FirstOrDefaultAsync(u => u.PoolId == poolId
            && (u.EmailAliasKey == key || u.PhoneAliasKey == username || u.PreferredUsernameKey == key
                || u.Sub == lowered), ct);
    }
}
