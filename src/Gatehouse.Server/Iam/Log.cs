namespace Gatehouse.Server.Iam;

/// <summary>IAM administration events, 11001-11099. Identifiers only; policy documents are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 11001, Level = LogLevel.Information, Message = "IAM role {RoleId} ({RoleName}) created")]
    public static partial void RoleCreated(ILogger logger, string roleId, string roleName);

    [LoggerMessage(EventId = 11002, Level = LogLevel.Information, Message = "IAM role {RoleId} ({RoleName}) deleted")]
    public static partial void RoleDeleted(ILogger logger, string roleId, string roleName);

    [LoggerMessage(EventId = 11003, Level = LogLevel.Information, Message = "Trust policy of IAM role {RoleId} replaced")]
    public static partial void TrustPolicyUpdated(ILogger logger, string roleId);

    [LoggerMessage(EventId = 11004, Level = LogLevel.Information,
        Message = "Inline policy {PolicyName} of IAM role {RoleId} put")]
    public static partial void RolePolicyPut(ILogger logger, string roleId, string policyName);

    [LoggerMessage(EventId = 11005, Level = LogLevel.Information,
        Message = "Inline policy {PolicyName} of IAM role {RoleId} deleted")]
    public static partial void RolePolicyDeleted(ILogger logger, string roleId, string policyName);

    [LoggerMessage(EventId = 11006, Level = LogLevel.Information,
        Message = "IAM managed policy {PolicyId} ({PolicyName}) created")]
    public static partial void PolicyCreated(ILogger logger, string policyId, string policyName);

    [LoggerMessage(EventId = 11007, Level = LogLevel.Information,
        Message = "IAM managed policy {PolicyId} ({PolicyName}) deleted")]
    public static partial void PolicyDeleted(ILogger logger, string policyId, string policyName);

    [LoggerMessage(EventId = 11008, Level = LogLevel.Information,
        Message = "IAM managed policy {PolicyId} attached to role {RoleId}")]
    public static partial void PolicyAttached(ILogger logger, string roleId, string policyId);

    [LoggerMessage(EventId = 11009, Level = LogLevel.Information,
        Message = "IAM managed policy {PolicyId} detached from role {RoleId}")]
    public static partial void PolicyDetached(ILogger logger, string roleId, string policyId);

    [LoggerMessage(EventId = 11010, Level = LogLevel.Information, Message = "IAM OIDC provider {HostPath} created")]
    public static partial void OidcProviderCreated(ILogger logger, string hostPath);

    [LoggerMessage(EventId = 11011, Level = LogLevel.Information, Message = "IAM OIDC provider {HostPath} deleted")]
    public static partial void OidcProviderDeleted(ILogger logger, string hostPath);

    [LoggerMessage(EventId = 11050, Level = LogLevel.Warning,
        Message = "Stored policy {PolicyName} of role {RoleId} no longer parses and is skipped: {Error}")]
    public static partial void StoredPolicySkipped(ILogger logger, string roleId, string policyName, string error);
}
