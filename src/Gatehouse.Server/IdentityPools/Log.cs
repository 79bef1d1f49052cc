namespace Gatehouse.Server.IdentityPools;

/// <summary>Identity-pool log lines. Event ids 10001-10099: pool configuration and identity administration.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 10001, Level = LogLevel.Information, Message = "Identity pool {PoolId} created")]
    public static partial void PoolCreated(ILogger logger, string poolId);

    [LoggerMessage(EventId = 10002, Level = LogLevel.Information, Message = "Identity pool {PoolId} updated")]
    public static partial void PoolUpdated(ILogger logger, string poolId);

    [LoggerMessage(EventId = 10003, Level = LogLevel.Information, Message = "Identity pool {PoolId} deleted")]
    public static partial void PoolDeleted(ILogger logger, string poolId);

    [LoggerMessage(EventId = 10004, Level = LogLevel.Information,
        Message = "Roles of identity pool {PoolId} set: {RoleCount} roles, {MappingCount} role mappings")]
    public static partial void RolesSet(ILogger logger, string poolId, int roleCount, int mappingCount);

    [LoggerMessage(EventId = 10005, Level = LogLevel.Information,
        Message = "Principal tags of {Provider} in identity pool {PoolId} set: defaults {UseDefaults}, {TagCount} tags")]
    public static partial void PrincipalTagsSet(ILogger logger, string poolId, string provider, bool useDefaults, int tagCount);

    [LoggerMessage(EventId = 10006, Level = LogLevel.Information, Message = "{Count} identities deleted")]
    public static partial void IdentitiesDeleted(ILogger logger, int count);

    [LoggerMessage(EventId = 10007, Level = LogLevel.Information,
        Message = "Identity {SourceIdentityId} of identity pool {PoolId} merged into {DestinationIdentityId}")]
    public static partial void DeveloperIdentitiesMerged(
        ILogger logger, string poolId, string sourceIdentityId, string destinationIdentityId);

    [LoggerMessage(EventId = 10008, Level = LogLevel.Information,
        Message = "A developer user unlinked from identity {IdentityId} of identity pool {PoolId}")]
    public static partial void DeveloperIdentityUnlinked(ILogger logger, string poolId, string identityId);

    [LoggerMessage(EventId = 10009, Level = LogLevel.Information,
        Message = "Default roles {AuthRole} and {UnauthRole} created for identity pool {PoolId}")]
    public static partial void DefaultRolesCreated(ILogger logger, string poolId, string authRole, string unauthRole);

    [LoggerMessage(EventId = 10010, Level = LogLevel.Warning, Message = "Default-roles request refused: {Reason}")]
    public static partial void DefaultRolesRefused(ILogger logger, string reason);

    // 10101-10199: sign-in (GetId, OpenID tokens, credentials, unlinking).
    [LoggerMessage(EventId = 10101, Level = LogLevel.Information,
        Message = "Identity {IdentityId} of identity pool {PoolId} created with {LoginCount} logins")]
    public static partial void IdentityCreated(ILogger logger, string poolId, string identityId, int loginCount);

    [LoggerMessage(EventId = 10102, Level = LogLevel.Information,
        Message = "A {Provider} login linked to identity {IdentityId} of identity pool {PoolId}")]
    public static partial void LoginLinked(ILogger logger, string poolId, string identityId, string provider);

    [LoggerMessage(EventId = 10103, Level = LogLevel.Information,
        Message = "Identity {SourceIdentityId} of identity pool {PoolId} merged into {DestinationIdentityId} by its logins")]
    public static partial void IdentitiesMerged(ILogger logger, string poolId, string sourceIdentityId, string destinationIdentityId);

    [LoggerMessage(EventId = 10104, Level = LogLevel.Information,
        Message = "A {Provider} login to identity pool {PoolId} refused: {ErrorType}")]
    public static partial void LoginRefused(ILogger logger, string poolId, string provider, string errorType);

    [LoggerMessage(EventId = 10105, Level = LogLevel.Information,
        Message = "Credentials of role {RoleArn} issued to identity {IdentityId} of identity pool {PoolId}")]
    public static partial void CredentialsIssued(ILogger logger, string poolId, string identityId, string roleArn);

    [LoggerMessage(EventId = 10106, Level = LogLevel.Warning,
        Message = "Role {RoleArn} of identity pool {PoolId} could not be assumed: {ErrorType}")]
    public static partial void RoleNotAssumed(ILogger logger, string poolId, string roleArn, string errorType);

    [LoggerMessage(EventId = 10107, Level = LogLevel.Information,
        Message = "{Count} logins unlinked from identity {IdentityId} of identity pool {PoolId}")]
    public static partial void LoginsUnlinked(ILogger logger, string poolId, string identityId, int count);

    [LoggerMessage(EventId = 10108, Level = LogLevel.Information, Message = "OpenID token key {Kid} created")]
    public static partial void OpenIdTokenKeyCreated(ILogger logger, string kid);
}
