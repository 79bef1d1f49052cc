namespace Gatehouse.Server.AwsProtocol;

internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "{Operation} rejected before its handler: {ErrorType}")]
    public static partial void RequestRejected(ILogger logger, string operation, string errorType);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Unhandled failure in {Target}")]
    public static partial void Unhandled(ILogger logger, Exception exception, string target);
}
