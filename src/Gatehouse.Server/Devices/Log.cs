namespace Gatehouse.Server.Devices;

internal static partial class Log
{
    [LoggerMessage(EventId = 15001, Level = LogLevel.Information,
        Message = "New device issued in pool {PoolId} for user {Sub}")]
    public static partial void DeviceIssued(ILogger logger, string poolId, string sub);

    [LoggerMessage(EventId = 15002, Level = LogLevel.Information,
        Message = "Device confirmed in pool {PoolId} for user {Sub}, remembered status {Status}")]
    public static partial void DeviceConfirmed(ILogger logger, string poolId, string sub, string status);

    [LoggerMessage(EventId = 15003, Level = LogLevel.Information,
        Message = "Device status set to {Status} in pool {PoolId} for user {Sub}")]
    public static partial void DeviceStatusUpdated(ILogger logger, string poolId, string sub, string status);

    [LoggerMessage(EventId = 15004, Level = LogLevel.Information,
        Message = "Device forgotten in pool {PoolId} for user {Sub}; {Families} refresh token families revoked")]
    public static partial void DeviceForgotten(ILogger logger, string poolId, string sub, int families);

    [LoggerMessage(EventId = 15005, Level = LogLevel.Information,
        Message = "Device authentication in pool {PoolId} for user {Sub} refused: {Reason}")]
    public static partial void DeviceAuthRefused(ILogger logger, string poolId, string sub, string reason);
}
