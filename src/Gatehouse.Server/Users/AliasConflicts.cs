using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Users;

/// <summary>
/// What happens when a user's new alias is already another user's: in pools that sign in by email/phone the
/// value is that user's username (UsernameExistsException); otherwise AliasExistsException, unless
/// <c>ForceAliasCreation</c> moves a verified email/phone alias to the new holder, leaving the previous user
/// with the attribute unverified (AdminCreateUser ForceAliasCreation documentation).
/// </summary>
internal static class AliasConflicts
{
    public static async Task<AwsError?> ResolveAsync(AppDb db, PoolSettings settings, AliasKeys wanted,
        long exceptUserId, bool force, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var current in await wanted.FindHoldersAsync(db, settings.Pool.Id, exceptUserId, ct))
        {
            if (Check(settings, wanted, current, force) is { } error)
            {
                return error;
            }

            var attributes = UserRecordWriter.ReadAttributes(current);
            if (wanted.Email is not null && string.Equals(current.EmailAliasKey, wanted.Email, StringComparison.Ordinal))
            {
                attributes[UserAttributeNames.EmailVerified] = "false";
            }

            if (wanted.Phone is not null && string.Equals(current.PhoneAliasKey, wanted.Phone, StringComparison.Ordinal))
            {
                attributes[UserAttributeNames.PhoneNumberVerified] = "false";
            }

            UserRecordWriter.Write(current, settings, attributes, now);
        }

        return null;
    }

    private static AwsError? Check(PoolSettings settings, AliasKeys wanted, User holder, bool force)
    {
        var email = wanted.Email is not null
            && string.Equals(holder.EmailAliasKey, wanted.Email, StringComparison.Ordinal);
        var phone = wanted.Phone is not null
            && string.Equals(holder.PhoneAliasKey, wanted.Phone, StringComparison.Ordinal);
        if ((email && settings.EmailIsUsername) || (phone && settings.PhoneIsUsername))
        {
            return AwsError.UsernameExists(email ? UserMessages.EmailAliasExists : UserMessages.PhoneAliasExists);
        }

        if (wanted.PreferredUsername is not null
            && string.Equals(holder.PreferredUsernameKey, wanted.PreferredUsername, StringComparison.Ordinal))
        {
            return AwsError.AliasExists(UserMessages.PreferredUsernameExists);
        }

        if (!force)
        {
            return AwsError.AliasExists(email ? UserMessages.EmailAliasExists : UserMessages.PhoneAliasExists);
        }

        return null;
    }
}
