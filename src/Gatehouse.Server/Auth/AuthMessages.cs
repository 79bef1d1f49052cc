namespace Gatehouse.Server.Auth;

/// <summary>
/// Messages of the authentication operations, worded as Cognito answers them (observed responses quoted in SDK
/// issue threads and the AWS knowledge center).
/// </summary>
internal static class AuthMessages
{
    public const string IncorrectCredentials = "Incorrect username or password.";
    public const string UserDisabled = "User is disabled.";
    public const string UserNotConfirmed = "User is not confirmed.";
    public const string PasswordResetRequired = "Password reset required for the user";
    public const string PasswordAttemptsExceeded = "Password attempts exceeded";
    public const string TemporaryPasswordExpired =
        "Temporary password has expired and must be reset by an administrator.";
    public const string UserDoesNotExist = "User does not exist.";
    public const string MethodNotSupported = "Initiate Auth method not supported.";
    public const string InvalidSession = "Invalid session for the user.";
    public const string SessionExpired = "Invalid session for the user, session is expired.";
    public const string InvalidSrpA = "Invalid SRP_A value.";
    public const string TimestampFormat = "TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.";
    public const string TooManyRequests = "Too many concurrent sign-in attempts for the user; retry.";

    public static string MissingParameter(string name) => $"Missing required parameter {name}";

    public static string FactorNotAvailable(string factor) =>
        $"The challenge {factor} is not available for this user.";

    public static string UnknownFactor(string factor) => $"Invalid challenge {factor}.";

    public static string FlowNotEnabled(string flow) => $"{flow} flow not enabled for this client";

    public static string FlowNotBuilt(string flow) => $"Gatehouse does not implement the {flow} flow yet.";

    public static string ChallengeNotBuilt(string challenge) =>
        $"Gatehouse does not implement the {challenge} challenge yet.";

    public static string ClientNotFound(string clientId) => $"User pool client {clientId} does not exist.";

    public static string PoolNotFound(string poolId) => $"User pool {poolId} does not exist.";

    public static string SecretHashMissing(string clientId) =>
        $"Client {clientId} is configured with secret but SECRET_HASH was not received";

    public static string SecretHashMismatch(string clientId) => $"Unable to verify secret hash for client {clientId}";

    public static string RequiredAttributeMissing(string name) => $"Invalid attributes given, {name} is missing";
}
