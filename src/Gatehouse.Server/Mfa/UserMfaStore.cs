using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Mfa;

/// <summary>
/// Reads and changes <see cref="UserMfa"/> rows, and uses TOTP steps: a code's step is accepted only when it is
/// later than the last one accepted for the user, by one conditional update, so two requests with the same code
/// (on one node or several) give exactly one success.
/// </summary>
internal sealed class UserMfaStore(AppDb db, SecretProtector protector)
{
    public const string SecretPurpose = "mfa-totp-secret";

    public Task<UserMfa?> FindAsync(long userId, CancellationToken ct) =>
        db.UserMfas.FirstOrDefaultAsync(m => m.UserId == userId, ct);

    /// <summary>The user's row, added (not yet saved) when there is none.</summary>
    public async Task<UserMfa> GetOrAddAsync(long userId, CancellationToken ct)
    {
        if (await FindAsync(userId, ct) is { } found)
        {
            return found;
        }

        var added = new UserMfa { UserId = userId };
        db.UserMfas.Add(added);
        return added;
    }

    /// <summary>
    /// Saves the context; a parallel request that added the user's first row at the same time answers
    /// ConcurrentModificationException instead of a failed insert (a changed row already does, by its Version).
    /// </summary>
    public async Task<AwsError?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException ex) when (db.IsUniqueViolation(ex))
        {
            return AwsError.ConcurrentModification(MfaMessages.ConcurrentChange);
        }
    }

    public async Task<MfaUserFactors> FactorsAsync(User user, CancellationToken ct)
    {
        var attributes = UserRecordWriter.ReadAttributes(user);
        return new MfaUserFactors(
            await db.UserMfas.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == user.Id, ct),
            attributes.ContainsKey(UserAttributeNames.PhoneNumber),
            attributes.ContainsKey(UserAttributeNames.Email));
    }

    public string Protect(byte[] secret) => protector.Protect(SecretPurpose, TotpCodes.ToBase32(secret));

    public byte[] Unprotect(string protectedSecret) => TotpCodes.FromBase32(protector.Unprotect(SecretPurpose, protectedSecret));

    /// <summary>Marks <paramref name="step"/> used; false when it (or a later step) was used already.</summary>
    public async Task<bool> TryUseStepAsync(long userId, long step, CancellationToken ct) =>
        await db.UserMfas.Where(m => m.UserId == userId && m.TotpLastStep < step)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.TotpLastStep, step), ct) == 1;
}
