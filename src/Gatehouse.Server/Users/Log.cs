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
}
