using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Users;

/// <summary>
/// The sign-in aliases of a user, as stored in the unique alias columns. Email and phone are aliases when the
/// pool names them in <c>UsernameAttributes</c> (always) or in <c>AliasAttributes</c> (only once verified);
/// preferred_username is an alias whenever set in a pool that lists it. Case-insensitive pools compare email and
/// preferred_username lower-cased (UsernameConfigurationType documentation).
/// </summary>
internal sealed record AliasKeys(string? Email, string? Phone, string? PreferredUsername)
{
    public static AliasKeys From(PoolSettings settings, IReadOnlyDictionary<string, string> attributes)
    {
        string? email = null;
        if (settings.EmailIsAlias && attributes.TryGetValue(UserAttributeNames.Email, out var e)
            && (settings.EmailIsUsername || IsTrue(attributes, UserAttributeNames.EmailVerified)))
        {
            email = settings.UsernameKey(e);
        }

        string? phone = null;
        if (settings.PhoneIsAlias && attributes.TryGetValue(UserAttributeNames.PhoneNumber, out var p)
            && (settings.PhoneIsUsername || IsTrue(attributes, UserAttributeNames.PhoneNumberVerified)))
        {
            phone = p;
        }

        string? preferred = null;
        if (settings.PreferredUsernameIsAlias
            && attributes.TryGetValue(UserAttributeNames.PreferredUsername, out var u))
        {
            preferred = settings.UsernameKey(u);
        }

        return new AliasKeys(email, phone, preferred);
    }

    /// <summary>The other users of the pool that hold one of these aliases (at most three).</summary>
    public async Task<List<User>> FindHoldersAsync(AppDb db, string poolId, long exceptUserId, CancellationToken ct)
    {
        if (Email is null && Phone is null && PreferredUsername is null)
        {
            return [];
        }

        return await db.Users
            .Where(u => u.PoolId == poolId && u.Id != exceptUserId
                && ((Email != null && u.EmailAliasKey == Email)
                    || (Phone != null && u.PhoneAliasKey == Phone)
                    || (PreferredUsername != null && u.PreferredUsernameKey == PreferredUsername)))
            .ToListAsync(ct);
    }

    private static bool IsTrue(IReadOnlyDictionary<string, string> attributes, string name) =>
        attributes.TryGetValue(name, out var value) && string.Equals(value, "true", StringComparison.Ordinal);
}
