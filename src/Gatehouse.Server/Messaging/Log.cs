namespace Gatehouse.Server.Messaging;

internal static partial class Log
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Outbox request refused: {Reason}")]
    public static partial void OutboxRefused(ILogger logger, string reason);
}
