namespace Gatehouse.Server.Users;

/// <summary>What a stored verification code is for (<see cref="Storage.VerificationCode.Purpose"/>).</summary>
internal static class CodePurposes
{
    public const string SignUp = "SIGN_UP";
    public const string ForgotPassword = "FORGOT_PASSWORD";

    public static string VerifyAttribute(string attributeName) => "VERIFY_ATTRIBUTE:" + attributeName;
}
