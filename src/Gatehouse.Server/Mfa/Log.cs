namespace Gatehouse.Server.Mfa;

/// <summary>MFA log lines: identifiers only (pool id, user sub), never codes, secrets or sessions.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 14001, Level = LogLevel.Information,
        Message = "MFA challenge {Challenge} issued in pool {PoolId} for user {Sub}")]
    public static partial void ChallengeIssued(ILogger logger, string challenge, string poolId, string sub);

    [LoggerMessage(EventId = 14002, Level = LogLevel.Information,
        Message = "MFA answer to {Challenge} in pool {PoolId} for user {Sub} refused with {ErrorType}")]
    public static partial void AnswerRefused(ILogger logger, string challenge, string poolId, string sub, string errorType);

    [LoggerMessage(EventId = 14003, Level = LogLevel.Information,
        Message = "Software token registered in pool {PoolId} for user {Sub}")]
    public static partial void SoftwareTokenRegistered(ILogger logger, string poolId, string sub);

    [LoggerMessage(EventId = 14004, Level = LogLevel.Information,
        Message = "MFA preference changed in pool {PoolId} for user {Sub}")]
    public static partial void PreferenceChanged(ILogger logger, string poolId, string sub);

    [LoggerMessage(EventId = 14005, Level = LogLevel.Information,
        Message = "Recovery codes generated in pool {PoolId} for user {Sub}")]
    public static partial void RecoveryCodesGenerated(ILogger logger, string poolId, string sub);

    [LoggerMessage(EventId = 14006, Level = LogLevel.Warning,
        Message = "Recovery code used in pool {PoolId} for user {Sub}")]
    public static partial void RecoveryCodeUsed(ILogger logger, string poolId, string sub);
}
