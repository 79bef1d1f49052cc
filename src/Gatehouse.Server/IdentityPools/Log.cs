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
}
