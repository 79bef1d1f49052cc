namespace Gatehouse.Server.Users;

internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "User {Sub} created in pool {PoolId}")]
    public static partial void UserCreated(ILogger logger, string poolId, string sub);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "User {Sub} deleted from pool {PoolId}")]
    public static partial void UserDeleted(ILogger logger, string poolId, string sub);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information,
        Message = "Password of user {Sub} in pool {PoolId} set by an administrator")]
    public static partial void PasswordSet(ILogger logger, string poolId, string sub);

    // Self-service operations: 8001-8099.
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information,
        Message = "User {Sub} signed up in pool {PoolId} through client {ClientId}")]
    public static partial void UserSignedUp(ILogger logger, string poolId, string sub, string clientId);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "User {Sub} in pool {PoolId} confirmed sign-up")]
    public static partial void SignUpConfirmed(ILogger logger, string poolId, string sub);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Information,
        Message = "Password-reset code issued for user {Sub} in pool {PoolId}")]
    public static partial void ResetCodeIssued(ILogger logger, string poolId, string sub);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Information,
        Message = "Password of user {Sub} in pool {PoolId} reset with a code")]
    public static partial void PasswordResetWithCode(ILogger logger, string poolId, string sub);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Information,
        Message = "User {Sub} in pool {PoolId} changed its password")]
    public static partial void PasswordChanged(ILogger logger, string poolId, string sub);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Information,
        Message = "User {Sub} in pool {PoolId} verified its {AttributeName}")]
    public static partial void AttributeVerified(ILogger logger, string poolId, string sub, string attributeName);

    [LoggerMessage(EventId = 8007, Level = LogLevel.Information, Message = "User {Sub} deleted itself from pool {PoolId}")]
    public static partial void UserDeletedItself(ILogger logger, string poolId, string sub);
}
