namespace Gatehouse.Server.Tokens;

/// <summary>
/// The pre token generation trigger's <c>triggerSource</c> values (developer guide, "Pre token generation Lambda
/// trigger"): which path is issuing the tokens.
/// </summary>
internal static class PreTokenSources
{
    /// <summary>Tokens from the hosted UI and the OAuth endpoints (authorization code, implicit, federated).</summary>
    public const string HostedAuth = "TokenGeneration_HostedAuth";

    /// <summary>The end of an API sign-in (InitiateAuth / RespondToAuthChallenge and their admin forms).</summary>
    public const string Authentication = "TokenGeneration_Authentication";

    /// <summary>A sign-in that ended by answering NEW_PASSWORD_REQUIRED.</summary>
    public const string NewPasswordChallenge = "TokenGeneration_NewPasswordChallenge";

    /// <summary>A sign-in that ended with a remembered device's DEVICE_PASSWORD_VERIFIER.</summary>
    public const string AuthenticateDevice = "TokenGeneration_AuthenticateDevice";

    /// <summary>REFRESH_TOKEN_AUTH, GetTokensFromRefreshToken and /oauth2/token's refresh_token grant.</summary>
    public const string RefreshTokens = "TokenGeneration_RefreshTokens";

    /// <summary>/oauth2/token's client_credentials grant; only a V3_0 trigger is called for it.</summary>
    public const string ClientCredentials = "TokenGeneration_ClientCredentials";
}
