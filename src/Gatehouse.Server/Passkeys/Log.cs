namespace Gatehouse.Server.Passkeys;

/// <summary>Passkey events, by identifiers only: never a challenge, signature or key (STYLE.md §7).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 16001, Level = LogLevel.Information,
        Message = "Passkey registered for user {UserId} in pool {PoolId}")]
    public static partial void CredentialRegistered(ILogger logger, long userId, string poolId);

    [LoggerMessage(EventId = 16002, Level = LogLevel.Information,
        Message = "Passkey registration for user {UserId} in pool {PoolId} refused: {Reason}")]
    public static partial void RegistrationRefused(ILogger logger, long userId, string poolId, string reason);

    [LoggerMessage(EventId = 16003, Level = LogLevel.Information,
        Message = "Passkey deleted for user {UserId} in pool {PoolId}")]
    public static partial void CredentialDeleted(ILogger logger, long userId, string poolId);

    [LoggerMessage(EventId = 16004, Level = LogLevel.Information,
        Message = "Passkey assertion for user {UserId} in pool {PoolId} refused: {Reason}")]
    public static partial void AssertionRefused(ILogger logger, long userId, string poolId, string reason);

    [LoggerMessage(EventId = 16005, Level = LogLevel.Warning,
        Message = "Passkey {CredentialRowId} of user {UserId} in pool {PoolId} presented a signature counter that did not increase: possibly a cloned authenticator")]
    public static partial void PossibleClone(ILogger logger, long credentialRowId, long userId, string poolId);
}
