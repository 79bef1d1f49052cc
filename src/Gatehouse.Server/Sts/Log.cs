namespace Gatehouse.Server.Sts;

internal static partial class Log
{
    [LoggerMessage(EventId = 12001, Level = LogLevel.Information,
        Message = "Role {RoleId} assumed by {Provider} subject {Subject} as session {SessionName} ({Source})")]
    public static partial void RoleAssumed(
        ILogger logger, string roleId, string provider, string subject, string sessionName, string source);

    [LoggerMessage(EventId = 12002, Level = LogLevel.Information,
        Message = "Role {RoleArn} refused to {Provider} subject {Subject}: {Reason}")]
    public static partial void AssumptionRefused(ILogger logger, string roleArn, string provider, string subject, string reason);

    [LoggerMessage(EventId = 12003, Level = LogLevel.Warning,
        Message = "Trust policy of role {RoleId} no longer parses: {Error}")]
    public static partial void TrustPolicyUnparsable(ILogger logger, string roleId, string error);

    [LoggerMessage(EventId = 12004, Level = LogLevel.Information,
        Message = "Web identity token refused ({Reason}) for issuer {Issuer}")]
    public static partial void WebIdentityTokenRefused(ILogger logger, string issuer, string reason);

    [LoggerMessage(EventId = 12005, Level = LogLevel.Warning,
        Message = "Keys of OIDC issuer {Issuer} could not be fetched")]
    public static partial void OidcKeysUnavailable(ILogger logger, Exception exception, string issuer);
}
