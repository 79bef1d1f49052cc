using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Users;

/// <summary>
/// Issues, checks and consumes the stored one-time codes (<see cref="VerificationCode"/>). Lifetimes are
/// Cognito's: sign-up confirmation and attribute verification codes 24 hours, password-reset codes 1 hour
/// (Cognito developer guide, "Signing up and confirming user accounts" and "Recovering user accounts").
/// Every check first reserves one of <see cref="MaxAttempts"/> attempts with a conditional update, so at most
/// that many comparisons are ever made against one code, however many requests arrive in parallel or on other
/// nodes; after that the code answers LimitExceededException ("Attempt limit exceeded, please try after some
/// time.", Cognito's answer to repeated wrong codes) until a new code is requested.
/// </summary>
internal sealed class VerificationCodes(AppDb db, TimeProvider clock)
{
    public const int MaxAttempts = 5;

    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromHours(24);

    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(1);

    /// <summary>
    /// A new code for the user and purpose, replacing any previous one (which stops working). Pending changes of
    /// the context (e.g. the user's new status) are saved with it.
    /// </summary>
    public async Task<string> IssueAsync(
        User user, string purpose, string? attributeName, TimeSpan lifetime, CancellationToken ct)
    {
        var code = VerificationCodeHash.NewCode();
        var now = clock.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            var row = new VerificationCode
            {
                PoolId = user.PoolId,
                UserId = user.Id,
                Purpose = purpose,
                AttributeName = attributeName,
                CodeHash = VerificationCodeHash.Hash(code),
                CreatedAt = now,
                ExpiresAt = now + lifetime,
            };
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.VerificationCodes.Where(c => c.UserId == user.Id && c.Purpose == purpose).ExecuteDeleteAsync(ct);
            db.VerificationCodes.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return code;
            }
            catch (DbUpdateException e) when (db.IsUniqueViolation(e) && attempt < 3)
            {
                // A parallel request issued a code for the same purpose between our delete and insert; replace it.
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }

    /// <summary>
    /// Checks <paramref name="presented"/> against the user's live code for <paramref name="purpose"/>, counting
    /// the attempt in the store. A match is not consumed yet: the caller finishes its checks, then calls
    /// <see cref="ConsumeAndSaveAsync"/>.
    /// </summary>
    public async Task<CodeCheck> CheckAsync(User user, string purpose, string presented, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var code = await db.VerificationCodes.AsNoTracking()
            .FirstOrDefaultAsync(c => c.UserId == user.Id && c.Purpose == purpose, ct);
        if (code is null)
        {
            // Never sent, or already used: Cognito answers a code that no longer works this way. (A code replaced by
            // a newer one is compared with the newer one, and so answers CodeMismatchException.)
            return CodeCheck.Fail(AwsError.ExpiredCode(SelfServiceMessages.ExpiredCode));
        }

        if (code.Attempts >= MaxAttempts)
        {
            return CodeCheck.Fail(AwsError.LimitExceeded(SelfServiceMessages.AttemptLimitExceeded));
        }

        if (now >= code.ExpiresAt)
        {
            return CodeCheck.Fail(AwsError.ExpiredCode(SelfServiceMessages.ExpiredCode));
        }

        var reserved = await db.VerificationCodes
            .Where(c => c.Id == code.Id && c.Attempts < MaxAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Attempts, c => c.Attempts + 1), ct);
        if (reserved == 0)
        {
            // Parallel checks used the last attempts, or a parallel request consumed the code.
            return await db.VerificationCodes.AnyAsync(c => c.Id == code.Id, ct)
                ? CodeCheck.Fail(AwsError.LimitExceeded(SelfServiceMessages.AttemptLimitExceeded))
                : CodeCheck.Fail(AwsError.ExpiredCode(SelfServiceMessages.ExpiredCode));
        }

        return VerificationCodeHash.Matches(code.CodeHash, presented)
            ? new CodeCheck(code, null)
            : CodeCheck.Fail(AwsError.CodeMismatch(SelfServiceMessages.CodeMismatch));
    }

    /// <summary>
    /// Deletes the checked code and saves the context's pending changes in one transaction; false when another
    /// request consumed the code first (the delete found no row), in which case nothing is saved.
    /// </summary>
    public async Task<bool> ConsumeAndSaveAsync(VerificationCode code, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var deleted = await db.VerificationCodes.Where(c => c.Id == code.Id).ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            return false;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
