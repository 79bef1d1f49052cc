namespace Gatehouse.Server.UserPools;

internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "User pool {PoolId} created")]
    public static partial void PoolCreated(ILogger logger, string poolId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "User pool {PoolId} updated")]
    public static partial void PoolUpdated(ILogger logger, string poolId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "User pool {PoolId} deleted")]
    public static partial void PoolDeleted(ILogger logger, string poolId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "App client {ClientId} of user pool {PoolId} created")]
    public static partial void ClientCreated(ILogger logger, string poolId, string clientId);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "App client {ClientId} of user pool {PoolId} updated")]
    public static partial void ClientUpdated(ILogger logger, string poolId, string clientId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "App client {ClientId} of user pool {PoolId} deleted")]
    public static partial void ClientDeleted(ILogger logger, string poolId, string clientId);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Counting the users of pools failed; estimates stay as they were")]
    public static partial void UserCountFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Resource server {Identifier} of user pool {PoolId} created")]
    public static partial void ResourceServerCreated(ILogger logger, string poolId, string identifier);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "Resource server {Identifier} of user pool {PoolId} updated")]
    public static partial void ResourceServerUpdated(ILogger logger, string poolId, string identifier);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Resource server {Identifier} of user pool {PoolId} deleted")]
    public static partial void ResourceServerDeleted(ILogger logger, string poolId, string identifier);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "Domain {Domain} of user pool {PoolId} created")]
    public static partial void DomainCreated(ILogger logger, string poolId, string domain);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "Domain {Domain} of user pool {PoolId} updated")]
    public static partial void DomainUpdated(ILogger logger, string poolId, string domain);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Information, Message = "Domain {Domain} of user pool {PoolId} deleted")]
    public static partial void DomainDeleted(ILogger logger, string poolId, string domain);
}
