namespace Gatehouse.Server.Storage;

/// <summary>
/// One of a user's one-time MFA recovery codes (a Gatehouse addition, docs/mfa.md). Only
/// <see cref="CodeHash"/> is kept (format v1 of <c>Users/VerificationCodeHash</c>: salted SHA-256); a code is
/// used by deleting its row, a conditional delete, so it works once on any node. Generating a new set
/// replaces the old one.
/// </summary>
internal sealed class MfaRecoveryCode
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public required string CodeHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
