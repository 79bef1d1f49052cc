namespace Gatehouse.Server.Mfa;

/// <summary>
/// The <c>Session</c> of an MFA challenge (SMS_MFA, EMAIL_OTP, SOFTWARE_TOKEN_MFA, SELECT_MFA_TYPE,
/// MFA_SETUP), sealed by <c>Auth/AuthBlobSealer</c> with its own purpose <c>mfa-session</c>, so that no other
/// blob passes for it. Format v1: the JSON of this record. It names the pool, client and user (stored username
/// and <c>sub</c>, so a user deleted and created again under the name does not inherit it), the challenge, the
/// expiry (the client's AuthSessionValidity), <see cref="CodeHash"/> of the code sent for SMS_MFA/EMAIL_OTP
/// (salted SHA-256, <c>Users/VerificationCodeHash</c>), the factors offered (SELECT_MFA_TYPE, MFA_SETUP) and the
/// MFA_SETUP stage (<see cref="StageAssociated"/> after AssociateSoftwareToken, <see cref="StageVerified"/>
/// after VerifySoftwareToken). <see cref="Id"/> is recorded when the session is answered, so it is used once.
/// </summary>
internal sealed record MfaSession(
    string Id,
    string PoolId,
    string ClientId,
    string Username,
    string Sub,
    string ChallengeName,
    long ExpiresAtMs,
    string? CodeHash = null,
    IReadOnlyList<string>? Factors = null,
    string? Stage = null)
{
    public const string Purpose = "mfa-session";
    public const string StageAssociated = "associated";
    public const string StageVerified = "verified";

    /// <summary>The Stage of a USER_AUTH EMAIL_OTP / SMS_OTP first factor's code session (not an MFA step).</summary>
    public const string StageFirstFactor = "first-factor";

    public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeMilliseconds(ExpiresAtMs);
}
