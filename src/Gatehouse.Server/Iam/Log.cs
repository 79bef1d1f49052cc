namespace Gatehouse.Server.Iam;

internal static partial class Log
{
    [LoggerMessage(EventId = 11001, Level = LogLevel.Warning,
        Message = "Stored policy {PolicyName} of role {RoleId} no longer parses and is skipped: {Error}")]
    public static partial void StoredPolicySkipped(ILogger logger, string roleId, string policyName, string error);
}
