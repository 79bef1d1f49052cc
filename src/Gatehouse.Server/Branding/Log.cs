namespace Gatehouse.Server.Branding;

internal static partial class Log
{
    [LoggerMessage(EventId = 9501, Level = LogLevel.Information, Message = "UI customization of user pool {PoolId}, client {ClientId} set")]
    public static partial void UiCustomizationSet(ILogger logger, string poolId, string clientId);
}
