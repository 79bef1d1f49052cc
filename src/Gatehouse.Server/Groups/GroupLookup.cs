using System.Globalization;
using System.Text.Json;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Groups;

/// <summary>
/// Finds the pool, group and user an admin group operation names. The user lookup is a small local one until
/// the users feature owns the shared one (the lead unifies them).
/// </summary>
internal static class GroupLookup
{
    public static Task<UserPool?> FindPoolAsync(AppDb db, string poolId, CancellationToken ct) =>
        db.UserPools.AsNoTracking().FirstOrDefaultAsync(p => p.Id == poolId, ct);

    public static Task<Group?> FindGroupAsync(AppDb db, string poolId, string groupName, CancellationToken ct) =>
        db.Groups.FirstOrDefaultAsync(g => g.PoolId == poolId && g.GroupName == groupName, ct);

    /// <summary>
    /// The user named by <paramref name="username"/>: its username, else its <c>sub</c>, else a sign-in alias
    /// (the model documents the admin <c>Username</c> member as "the username, or any of their alias
    /// attributes ... or the sub of a local user").
    /// </summary>
    public static async Task<User?> FindUserAsync(AppDb db, UserPool pool, string username, CancellationToken ct)
    {
        var key = UsernameKey(pool, username);
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.PoolId == pool.Id && u.UsernameKey == key, ct)
            ?? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.PoolId == pool.Id && u.Sub == username, ct)
            ?? await db.Users.AsNoTracking().FirstOrDefaultAsync(
                u => u.PoolId == pool.Id
                    && (u.EmailAliasKey == key || u.PhoneAliasKey == key || u.PreferredUsernameKey == key),
                ct);
    }

    /// <summary>
    /// The stored lookup key of a username: lower-cased in a case-insensitive pool. A pool without
    /// <c>UsernameConfiguration</c> is case-sensitive: the model's <c>UsernameConfigurationType.CaseSensitive</c>
    /// documentation says <c>true</c> "is the default value" for the API (the console defaults to false, but sends it).
    /// </summary>
    public static string UsernameKey(UserPool pool, string username) =>
        IsCaseSensitive(pool) ? username : username.ToLower(CultureInfo.InvariantCulture);

    private static bool IsCaseSensitive(UserPool pool)
    {
        var settings = JsonSerializer.Deserialize(pool.Settings, CognitoIdpJsonContext.Default.UserPoolType);
        return settings?.UsernameConfiguration?.CaseSensitive ?? true;
    }
}
