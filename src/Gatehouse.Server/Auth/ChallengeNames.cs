namespace Gatehouse.Server.Auth;

/// <summary>The model's ChallengeNameType values Gatehouse issues.</summary>
internal static class ChallengeNames
{
    public const string PasswordVerifier = "PASSWORD_VERIFIER";
    public const string NewPasswordRequired = "NEW_PASSWORD_REQUIRED";
    public const string SelectChallenge = "SELECT_CHALLENGE";
    public const string WebAuthn = "WEB_AUTHN";
}
