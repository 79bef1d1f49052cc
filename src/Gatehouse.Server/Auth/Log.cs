namespace Gatehouse.Server.Auth;

internal static partial class Log
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information,
        Message = "{Step} for client {ClientId} refused with {ErrorType}")]
    public static partial void AuthRefused(ILogger logger, string step, string clientId, string errorType);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "{Step} for client {ClientId} issued tokens")]
    public static partial void TokensIssued(ILogger logger, string step, string clientId);
}
