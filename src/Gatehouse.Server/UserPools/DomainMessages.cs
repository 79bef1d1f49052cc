namespace Gatehouse.Server.UserPools;

/// <summary>Messages of the user-pool domain operations, worded as Cognito words them where known.</summary>
internal static class DomainMessages
{
    public const string DomainTaken = "Domain already associated with another user pool.";
    public const string PoolHasDomain = "User pool already has a domain configured.";
    public const string PoolHasCustomDomain = "User pool already has a custom domain configured.";
    public const string NoSuchDomain = "No such domain or user pool exists.";
    public const string PrefixWithDot =
        "A prefix domain is one DNS label; a name with dots is a custom domain and needs CustomDomainConfig.";
    public const string ReservedWord = "Domain cannot contain reserved word: ";
    public const string ManagedLoginVersion = "ManagedLoginVersion must be 1 or 2.";
    public const string NothingToUpdate = "Provide CustomDomainConfig (custom domains) or ManagedLoginVersion.";
    public const string PrefixCertificate = "CustomDomainConfig applies only to a custom domain.";
}
