namespace Gatehouse.Server.Users;

/// <summary>
/// Error messages of the self-service operations (SignUp, ConfirmSignUp, ResendConfirmationCode, ForgotPassword,
/// ConfirmForgotPassword, and the access-token operations ChangePassword, UpdateUserAttributes, ...), worded as Cognito answers them in responses quoted in public issue threads and AWS
/// knowledge-center articles.
/// </summary>
internal static class SelfServiceMessages
{
    public const string SignUpNotPermitted = "SignUp is not permitted for this user pool";
    public const string UserAlreadyExists = "User already exists";
    public const string PasswordRequired = "Password is required to sign up.";
    public const string UnauthorizedAttribute = "A client attempted to write unauthorized attribute";
    public const string CodeMismatch = "Invalid verification code provided, please try again.";
    public const string ExpiredCode = "Invalid code provided, please request a code again.";
    public const string AttemptLimitExceeded = "Attempt limit exceeded, please try after some time.";
    public const string AlreadyConfirmed = "User is already confirmed.";
    public const string AutoVerificationOff = "Auto verification not turned on.";
    public const string UserDisabled = "User is disabled.";
    public const string IncorrectPreviousPassword = "Incorrect username or password.";
    public const string PreviousPasswordRequired = "PreviousPassword is required: the user has a password.";

    public static string NotVerifiable(string name) =>
        $"Invalid attribute name: {name}. Only email and phone_number can be verified.";

    public static string NoAttributeValue(string name) => $"The user has no {name} to verify.";

    public static string SecretHashMissing(string clientId) =>
        $"Client {clientId} is configured with secret but SECRET_HASH was not received";

    public static string SecretHashWrong(string clientId) => $"Unable to verify secret hash for client {clientId}";
}
