namespace Gatehouse.Server.Mfa;

/// <summary>
/// Messages of the MFA operations and challenges, worded as Cognito answers them where its answer is known
/// (SDK issue threads quoting live responses).
/// </summary>
internal static class MfaMessages
{
    public const string RecoveryCodeNotFirstFactor =
        "A recovery code replaces a second factor; it cannot answer a sign-in code sent as the first factor.";

    public const string CodeMismatch = "Invalid code received for user";
    public const string SmsCodeMismatch = "Invalid code or auth state for the user.";
    public const string TokenUsedOnce = "Your software token has already been used once.";
    public const string VerifyMismatch = "Code mismatch and fail enable Software Token MFA mfa";
    public const string TotpNotEnabledForPool = "Software Token MFA has not been enabled by the userPool.";
    public const string TotpNotAssociated = "User has not set up software token mfa";
    public const string NoDeliveryForSms = "User does not have delivery config set to turn on SMS_MFA";
    public const string NoDeliveryForEmail = "User does not have delivery config set to turn on EMAIL_OTP";
    public const string AccessTokenOrSession = "Exactly one of AccessToken and Session must be given.";
    public const string SetupNotComplete = "MFA_SETUP is answered after VerifySoftwareToken succeeded with its Session.";
    public const string OnlySmsOptions = "Only SMS delivery to phone_number can be set with MFAOptions.";
    public const string PreferredNeedsEnabled = "A preferred MFA method must also be enabled.";
    public const string ConcurrentChange = "The user's MFA settings were changed by another request; retry.";
    public const string DefaultSmsMessage = "Your authentication code is {####}. ";
    public const string DefaultEmailMessage = "Your authentication code is {####}.";
    public const string DefaultEmailSubject = "Your authentication code";

    public static string FactorNotEnabledForPool(string factor) => $"{factor} is not enabled for this user pool.";

    public static string InvalidAnswer(string answer) => $"Invalid MFA type {answer} for this user.";
}
