namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// Identifier shapes of cognito-identity, as Cognito issues them and SDKs parse them: an identity pool id and an
/// identity id are both <c>&lt;region&gt;:&lt;lower-case UUID&gt;</c> (model pattern <c>[\w-]+:[0-9a-f-]+</c>); a pool's
/// ARN is <c>arn:aws:cognito-identity:&lt;region&gt;:&lt;account&gt;:identitypool/&lt;pool id&gt;</c> (Service
/// Authorization Reference, "Resource types defined by Amazon Cognito Identity").
/// </summary>
internal static class IdentityPoolIds
{
    public static string NewPoolId(string region) => $"{region}:{Guid.NewGuid():D}";

    public static string NewIdentityId(string region) => $"{region}:{Guid.NewGuid():D}";

    public static string PoolArn(string region, string accountId, string poolId) =>
        $"arn:aws:cognito-identity:{region}:{accountId}:identitypool/{poolId}";

    /// <summary>The pool id of an identity-pool ARN of this region and account, or null when it is not one.</summary>
    public static string? PoolIdFromArn(string arn, string region, string accountId)
    {
        var prefix = $"arn:aws:cognito-identity:{region}:{accountId}:identitypool/";
        return arn.StartsWith(prefix, StringComparison.Ordinal) && arn.Length > prefix.Length ? arn[prefix.Length..] : null;
    }
}
