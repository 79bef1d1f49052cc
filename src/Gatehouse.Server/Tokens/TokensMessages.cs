namespace Gatehouse.Server.Tokens;

/// <summary>Messages of the token operations, worded as Cognito answers them.</summary>
internal static class TokensMessages
{
    public const string InvalidAccessToken = "Invalid Access Token";
    public const string AccessTokenExpired = "Access Token has expired";
    public const string AccessTokenRevoked = "Access Token has been revoked";
    public const string AccessTokenScopes = "Access Token does not have required scopes";
    public const string InvalidRefreshToken = "Invalid Refresh Token";
    public const string RefreshTokenRevoked = "Refresh Token has been revoked";
    public const string RefreshTokenExpired = "Refresh Token has expired";
    public const string RefreshTokenReused = "Refresh Token has been used and rotated";
    public const string UserDisabled = "User is disabled.";
    public const string UserDoesNotExist = "User does not exist.";
    public const string RevocationDisabled = "Token revocation is not enabled for this app client.";
    public const string UnsupportedTokenType = "The token is not a refresh token.";
    public const string InvalidClientSecret = "Invalid client secret.";
    public const string RefreshNotAllowed = "Refresh Token auth flow is not enabled for this client";

    public static string ClientNotFound(string clientId) => $"User pool client {clientId} does not exist.";

    public static string PoolNotFound(string poolId) => $"User pool {poolId} does not exist.";

    public static string SecretHashMissing(string clientId) =>
        $"Client {clientId} is configured with secret but SECRET_HASH was not received";

    public static string SecretHashMismatch(string clientId) => $"Unable to verify secret hash for client {clientId}";
}
