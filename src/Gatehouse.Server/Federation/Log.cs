namespace Gatehouse.Server.Federation;

/// <summary>
/// Federation log lines: identifiers only (pool id, provider name, user sub), never upstream tokens, codes,
/// assertions or client secrets. Event ids 18001-18099 here; the helpers of the OIDC and SAML parts take
/// 18100-18199 and 18200-18299.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 18001, Level = LogLevel.Information,
        Message = "Federated user {Sub} created in pool {PoolId} by provider {ProviderName}")]
    public static partial void FederatedUserCreated(ILogger logger, string sub, string poolId, string providerName);

    [LoggerMessage(EventId = 18002, Level = LogLevel.Information,
        Message = "Federated sign-in of user {Sub} in pool {PoolId} through provider {ProviderName}")]
    public static partial void FederatedSignIn(ILogger logger, string sub, string poolId, string providerName);

    [LoggerMessage(EventId = 18003, Level = LogLevel.Information,
        Message = "Federated sign-in through provider {ProviderName} in pool {PoolId} refused: {Reason}")]
    public static partial void FederatedSignInRefused(ILogger logger, string providerName, string poolId, string reason);

    [LoggerMessage(EventId = 18201, Level = LogLevel.Information,
        Message = "SAML AuthnRequest sent for provider {ProviderName} in pool {PoolId}")]
    public static partial void SamlRequestSent(ILogger logger, string providerName, string poolId);

    [LoggerMessage(EventId = 18202, Level = LogLevel.Warning,
        Message = "SAML response for provider {ProviderName} in pool {PoolId} refused: {Reason}")]
    public static partial void SamlResponseRefused(ILogger logger, string? providerName, string poolId, string reason);

    [LoggerMessage(EventId = 18203, Level = LogLevel.Information,
        Message = "SAML response accepted for provider {ProviderName} in pool {PoolId}")]
    public static partial void SamlResponseAccepted(ILogger logger, string providerName, string poolId);

    [LoggerMessage(EventId = 18010, Level = LogLevel.Information,
        Message = "Identity provider {ProviderName} of type {ProviderType} created in pool {PoolId}")]
    public static partial void ProviderCreated(ILogger logger, string providerName, string providerType, string poolId);

    [LoggerMessage(EventId = 18011, Level = LogLevel.Information,
        Message = "Identity provider {ProviderName} of pool {PoolId} updated")]
    public static partial void ProviderUpdated(ILogger logger, string providerName, string poolId);

    [LoggerMessage(EventId = 18012, Level = LogLevel.Information,
        Message = "Identity provider {ProviderName} of pool {PoolId} deleted")]
    public static partial void ProviderDeleted(ILogger logger, string providerName, string poolId);

    [LoggerMessage(EventId = 18013, Level = LogLevel.Information,
        Message = "An identity of provider {ProviderName} linked to user {Sub} in pool {PoolId}")]
    public static partial void ProviderLinked(ILogger logger, string providerName, string sub, string poolId);

    [LoggerMessage(EventId = 18014, Level = LogLevel.Information,
        Message = "An identity of provider {ProviderName} unlinked from user {Sub} in pool {PoolId}")]
    public static partial void ProviderUnlinked(ILogger logger, string providerName, string sub, string poolId);

    [LoggerMessage(EventId = 18015, Level = LogLevel.Information,
        Message = "Federated user {Sub} of provider {ProviderName} in pool {PoolId} disabled")]
    public static partial void FederatedUserDisabled(ILogger logger, string sub, string providerName, string poolId);

    [LoggerMessage(EventId = 18100, Level = LogLevel.Warning,
        Message = "Federation callback in pool {PoolId} refused: state not ours, expired or used before")]
    public static partial void UpstreamStateRefused(ILogger logger, string poolId);

    [LoggerMessage(EventId = 18101, Level = LogLevel.Information,
        Message = "Provider {ProviderName} of pool {PoolId} answered with an error")]
    public static partial void UpstreamRefused(ILogger logger, string providerName, string poolId);

    [LoggerMessage(EventId = 18102, Level = LogLevel.Warning,
        Message = "Sign-in through provider {ProviderName} of pool {PoolId} failed: {Reason}")]
    public static partial void UpstreamFailed(ILogger logger, string providerName, string poolId, string reason);

    [LoggerMessage(EventId = 18204, Level = LogLevel.Information,
        Message = "SAML LogoutRequest sent for provider {ProviderName} in pool {PoolId}")]
    public static partial void SamlLogoutSent(ILogger logger, string providerName, string poolId);
}
