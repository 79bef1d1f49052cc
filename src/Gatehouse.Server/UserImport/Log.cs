namespace Gatehouse.Server.UserImport;

internal static partial class Log
{
    [LoggerMessage(EventId = 21001, Level = LogLevel.Information,
        Message = "Import job {JobId} created in pool {PoolId}")]
    public static partial void JobCreated(ILogger logger, string jobId, string poolId);

    [LoggerMessage(EventId = 21002, Level = LogLevel.Information,
        Message = "Import job {JobId} of pool {PoolId}: file uploaded ({Bytes} bytes)")]
    public static partial void FileUploaded(ILogger logger, string jobId, string poolId, long bytes);

    [LoggerMessage(EventId = 21003, Level = LogLevel.Warning, Message = "Import upload refused: {Reason}")]
    public static partial void UploadRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 21004, Level = LogLevel.Information,
        Message = "Import job {JobId} of pool {PoolId} claimed by node {NodeId}")]
    public static partial void JobClaimed(ILogger logger, string jobId, string poolId, string nodeId);

    [LoggerMessage(EventId = 21005, Level = LogLevel.Information,
        Message = "Import job {JobId} of pool {PoolId}: {Rows} rows read, {Imported} imported, {Skipped} skipped, {Failed} failed")]
    public static partial void Progress(
        ILogger logger, string jobId, string poolId, long rows, long imported, long skipped, long failed);

    [LoggerMessage(EventId = 21006, Level = LogLevel.Warning,
        Message = "Import job {JobId} of pool {PoolId}: row {RowNumber} (line {Line}) {Outcome}: {Reason}")]
    public static partial void RowNotImported(
        ILogger logger, string jobId, string poolId, long rowNumber, long line, string outcome, string reason);

    [LoggerMessage(EventId = 21007, Level = LogLevel.Information,
        Message = "Import job {JobId} of pool {PoolId} ended {Status}: {Message}")]
    public static partial void JobFinished(ILogger logger, string jobId, string poolId, string status, string message);

    [LoggerMessage(EventId = 21008, Level = LogLevel.Warning,
        Message = "Import job {JobId} of pool {PoolId}: this node no longer holds its lease; stopping here")]
    public static partial void LeaseLost(ILogger logger, string jobId, string poolId);

    [LoggerMessage(EventId = 21009, Level = LogLevel.Error, Message = "The import-job runner failed; it retries at its next poll")]
    public static partial void RunnerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 21010, Level = LogLevel.Information,
        Message = "Import job {JobId} of pool {PoolId} {Status} by request")]
    public static partial void JobChanged(ILogger logger, string jobId, string poolId, string status);

    [LoggerMessage(EventId = 21011, Level = LogLevel.Warning, Message = "Import error report refused: {Reason}")]
    public static partial void ReportRefused(ILogger logger, string reason);
}
