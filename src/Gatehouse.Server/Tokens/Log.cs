namespace Gatehouse.Server.Tokens;

internal static partial class Log
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information,
        Message = "Signing key {Kid} ({Use}) created for pool {PoolId}")]
    public static partial void SigningKeyCreated(ILogger logger, string poolId, string use, string kid);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information,
        Message = "Signing key {Kid} of pool {PoolId} retired")]
    public static partial void SigningKeyRetired(ILogger logger, string poolId, string kid);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information,
        Message = "Refresh token family revoked in pool {PoolId} by client {ClientId}")]
    public static partial void FamilyRevoked(ILogger logger, string poolId, string clientId);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Information,
        Message = "Global sign-out of user {Sub} in pool {PoolId}")]
    public static partial void GlobalSignOut(ILogger logger, string poolId, string sub);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning,
        Message = "Rotated refresh token reused after its grace period in pool {PoolId} by client {ClientId}")]
    public static partial void RefreshTokenReused(ILogger logger, string poolId, string clientId);
}
