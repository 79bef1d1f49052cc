using System.Security.Cryptography;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Mfa;

/// <summary>
/// One-time MFA recovery codes (a Gatehouse addition, docs/mfa.md): <see cref="Count"/> codes of 10 base32
/// characters (50 random bits each), shown as <c>xxxxx-xxxxx</c>; dashes, spaces and case do not matter when one
/// is entered. Only salted hashes are stored (<see cref="MfaRecoveryCode"/>); a code is used by a conditional
/// delete of its row, so it works once on any node.
/// </summary>
internal sealed class RecoveryCodes(AppDb db, TimeProvider clock)
{
    public const int Count = 10;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>A new set replacing the user's old codes; the only time the codes exist in clear.</summary>
    public async Task<IReadOnlyList<string>> GenerateAsync(long userId, CancellationToken ct)
    {
        var codes = Enumerable.Range(0, Count).Select(_ => NewCode()).ToList();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.MfaRecoveryCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        db.MfaRecoveryCodes.AddRange(codes.Select(c => new MfaRecoveryCode
        {
            UserId = userId,
            CodeHash = VerificationCodeHash.Hash(Normalize(c)),
            CreatedAt = now,
        }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return codes;
    }

    /// <summary>Uses one of the user's codes; false when none matches or a parallel request used it first.</summary>
    public async Task<bool> TryUseAsync(long userId, string presented, CancellationToken ct)
    {
        var normalized = Normalize(presented);
        if (normalized.Length != 10)
        {
            return false;
        }

        var stored = await db.MfaRecoveryCodes.AsNoTracking().Where(c => c.UserId == userId).ToListAsync(ct);
        var match = stored.FirstOrDefault(c => VerificationCodeHash.Matches(c.CodeHash, normalized));
        return match is not null
            && await db.MfaRecoveryCodes.Where(c => c.Id == match.Id).ExecuteDeleteAsync(ct) == 1;
    }

    public Task<int> RemainingAsync(long userId, CancellationToken ct) =>
        db.MfaRecoveryCodes.CountAsync(c => c.UserId == userId, ct);

    private static string NewCode()
    {
        var chars = new char[11];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = i == 5 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }

    private static string Normalize(string code) =>
        string.Concat(code.Where(c => c is not ('-' or ' '))).ToLowerInvariant();
}
