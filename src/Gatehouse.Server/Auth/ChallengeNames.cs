namespace Gatehouse.Server.Auth;

/// <summary>The model's ChallengeNameType values Gatehouse issues.</summary>
internal static class ChallengeNames
{
    public const string PasswordVerifier = "PASSWORD_VERIFIER";
    public const string NewPasswordRequired = "NEW_PASSWORD_REQUIRED";
    public const string SmsMfa = "SMS_MFA";
    public const string EmailOtp = "EMAIL_OTP";
    public const string SoftwareTokenMfa = "SOFTWARE_TOKEN_MFA";
    public const string SelectMfaType = "SELECT_MFA_TYPE";
    public const string MfaSetup = "MFA_SETUP";

    /// <summary>USER_AUTH's SMS code first factor (its email counterpart is <see cref="EmailOtp"/>).</summary>
    public const string SmsOtp = "SMS_OTP";

    public const string SelectChallenge = "SELECT_CHALLENGE";
    public const string WebAuthn = "WEB_AUTHN";

    /// <summary>CUSTOM_AUTH's challenge, made by the pool's CreateAuthChallenge trigger (Auth/CustomAuthFlow).</summary>
    public const string CustomChallenge = "CUSTOM_CHALLENGE";

    /// <summary>The MFA challenges and USER_AUTH's code first factors (Mfa/MfaAnswers answers them).</summary>
    public static bool IsMfa(string name) =>
        name is SmsMfa or EmailOtp or SoftwareTokenMfa or SelectMfaType or MfaSetup or SmsOtp;
}
