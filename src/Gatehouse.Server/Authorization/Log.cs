namespace Gatehouse.Server.Authorization;

internal static partial class Log
{
    [LoggerMessage(EventId = 13001, Level = LogLevel.Debug,
        Message = "Forward-auth answered {Status}: {Reason} (role {RoleId})")]
    public static partial void ForwardAuthRefused(ILogger logger, int status, string reason, string roleId);

    [LoggerMessage(EventId = 13002, Level = LogLevel.Information,
        Message = "Decision {Decision} for {Action} asked by {Caller}")]
    public static partial void Decided(ILogger logger, Iam.PolicyDecision decision, string action, string caller);
}
