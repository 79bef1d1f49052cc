using Gatehouse.Server.AwsProtocol;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// What Cognito allows of an identity pool's tags beyond the model's lengths: at most <see cref="MaxTags"/> per pool
/// (TagResource: "An identity pool can have as many as 50 tags") and no key in the <c>aws:</c> namespace, which AWS
/// reserves for its own tags (Tagging AWS resources, "Tag naming limits and requirements").
/// </summary>
internal static class IdentityPoolTagRules
{
    public const int MaxTags = 50;

    /// <summary>The tags as sent, JSON null values dropped (the model check passes over them).</summary>
    public static Dictionary<string, string> Clean(IReadOnlyDictionary<string, string>? tags) =>
        (tags ?? new Dictionary<string, string>()).Where(kv => kv.Value is not null)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    /// <summary>Checks the tags a pool would end up with.</summary>
    public static AwsError? Check(IReadOnlyDictionary<string, string> tags)
    {
        if (tags.Keys.FirstOrDefault(k => k.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)) is { } reserved)
        {
            return AwsError.InvalidParameter(IdentityPoolMessages.ReservedTagKey(reserved));
        }

        return tags.Count > MaxTags ? AwsError.InvalidParameter(IdentityPoolMessages.TooManyTags(MaxTags)) : null;
    }
}
