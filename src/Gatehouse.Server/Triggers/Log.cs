namespace Gatehouse.Server.Triggers;

/// <summary>
/// Trigger log lines: trigger point, pool id, trigger source, duration and outcome; never the event or the answer
/// (they carry passwords, codes and attributes) and never the function's error message. Event ids 19001-19099 here;
/// the custom-auth and token/message trigger parts take 19100-19199 and 19200-19299.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 19001, Level = LogLevel.Information,
        Message = "Trigger {Point} of pool {PoolId} ({TriggerSource}) answered in {ElapsedMs} ms")]
    public static partial void TriggerAnswered(
        ILogger logger, TriggerPoint point, string poolId, string triggerSource, long elapsedMs);

    [LoggerMessage(EventId = 19002, Level = LogLevel.Warning,
        Message = "Trigger {Point} of pool {PoolId} ({TriggerSource}) failed after {ElapsedMs} ms: {ErrorType} ({Reason})")]
    public static partial void TriggerFailed(ILogger logger, TriggerPoint point, string poolId, string triggerSource,
        long elapsedMs, string errorType, string reason);

    [LoggerMessage(EventId = 19003, Level = LogLevel.Warning,
        Message = "Trigger {Point} of pool {PoolId} names function {FunctionArn}, which no Gatehouse:Triggers setting maps")]
    public static partial void TriggerUnmapped(ILogger logger, TriggerPoint point, string poolId, string functionArn);
}
