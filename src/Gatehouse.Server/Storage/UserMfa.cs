namespace Gatehouse.Server.Storage;

/// <summary>
/// A user's MFA settings (one row per user, created on the first change): which factors the user turned on and
/// prefers (SetUserMFAPreference, SetUserSettings), and the TOTP authenticator. The secrets are encrypted with
/// <see cref="SecretProtector"/> (purpose <c>mfa-totp-secret</c>): <see cref="TotpSecretProtected"/> once
/// VerifySoftwareToken confirmed it, <see cref="TotpPendingSecretProtected"/> between AssociateSoftwareToken and
/// that verification. <see cref="TotpLastStep"/> is the last 30-second step a code was accepted for: a code is
/// accepted only for a later step, by a conditional update, so each step is used once on any node.
/// </summary>
internal sealed class UserMfa
{
    public long UserId { get; set; }

    public bool SmsEnabled { get; set; }

    public bool SmsPreferred { get; set; }

    public bool EmailEnabled { get; set; }

    public bool EmailPreferred { get; set; }

    public bool TotpEnabled { get; set; }

    public bool TotpPreferred { get; set; }

    public string? TotpSecretProtected { get; set; }

    public string? TotpPendingSecretProtected { get; set; }

    public string? TotpFriendlyName { get; set; }

    public long TotpLastStep { get; set; }

    public long Version { get; set; }
}
