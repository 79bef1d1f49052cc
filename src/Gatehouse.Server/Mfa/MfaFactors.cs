namespace Gatehouse.Server.Mfa;

/// <summary>
/// The MFA factor names as Cognito uses them: the challenge names, the values of UserMFASettingList,
/// PreferredMfaSetting, <c>MFAS_CAN_SETUP</c>, <c>MFAS_CAN_CHOOSE</c> and the SELECT_MFA_TYPE <c>ANSWER</c>.
/// </summary>
internal static class MfaFactors
{
    public const string Sms = "SMS_MFA";
    public const string Email = "EMAIL_OTP";
    public const string Totp = "SOFTWARE_TOKEN_MFA";

    /// <summary>The order in which factors are listed (MFAS_CAN_CHOOSE, UserMFASettingList).</summary>
    public static readonly IReadOnlyList<string> All = [Sms, Totp, Email];

    public static bool IsFactor(string name) => name is Sms or Email or Totp;
}
