namespace Gatehouse.Server.Auth;

/// <summary>
/// The first factors of USER_AUTH (AuthFactorType of the model, and the SELECT_CHALLENGE answers), in the order
/// Gatehouse lists them in AvailableChallenges: passwordless first.
/// </summary>
internal static class FirstFactors
{
    public const string WebAuthn = "WEB_AUTHN";
    public const string EmailOtp = "EMAIL_OTP";
    public const string SmsOtp = "SMS_OTP";
    public const string Password = "PASSWORD";
    public const string PasswordSrp = "PASSWORD_SRP";

    public static readonly IReadOnlyList<string> All = [WebAuthn, EmailOtp, SmsOtp, Password, PasswordSrp];

    public static bool Known(string factor) => All.Contains(factor, StringComparer.Ordinal);
}
