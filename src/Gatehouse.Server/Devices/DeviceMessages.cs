namespace Gatehouse.Server.Devices;

/// <summary>
/// Messages of the device operations and challenges. "Device does not exist." is Cognito's (amazon-cognito-identity-js
/// and Amplify retry a sign-in without the device when a ResourceNotFoundException mentions "device").
/// </summary>
internal static class DeviceMessages
{
    public const string DeviceDoesNotExist = "Device does not exist.";
    public const string DeviceAlreadyConfirmed = "Device has already been confirmed.";
    public const string VerifierConfigRequired = "DeviceSecretVerifierConfig is required.";
    public const string InvalidSalt = "DeviceSecretVerifierConfig.Salt must be base64 of 1 to 256 bytes.";
    public const string InvalidVerifier =
        "DeviceSecretVerifierConfig.PasswordVerifier must be base64 of a number between 1 and N - 1.";
    public const string RememberedStatusRequired = "DeviceRememberedStatus is required.";
    public const string InvalidPaginationToken = "Invalid pagination token.";

    public static string PoolNotFound(string poolId) => $"User pool {poolId} does not exist.";
}
