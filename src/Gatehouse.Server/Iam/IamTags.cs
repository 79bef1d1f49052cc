using System.Text.Json;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;

namespace Gatehouse.Server.Iam;

/// <summary>
/// Tags of IAM resources: checked as IAM checks them (keys unique regardless of case; lengths, patterns and the
/// 50-tag maximum are the model's) and stored as a JSON object (<see cref="IamColumnsJsonContext"/>, v1).
/// </summary>
internal static class IamTags
{
    public static AwsError? Check(IReadOnlyList<Tag>? tags)
    {
        if (tags is null)
        {
            return null;
        }

        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return tags.All(t => keys.Add(t.Key)) ? null : AwsError.InvalidInput(IamMessages.DuplicateTags);
    }

    public static string ToJson(IReadOnlyList<Tag>? tags)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags ?? [])
        {
            map[tag.Key] = tag.Value;
        }

        return JsonSerializer.Serialize(map, IamColumnsJsonContext.Default.DictionaryStringString);
    }

    /// <summary>The stored tags, or null when there are none (IAM then sends no Tags element).</summary>
    public static List<Tag>? FromJson(string json)
    {
        var map = JsonSerializer.Deserialize(json, IamColumnsJsonContext.Default.DictionaryStringString) ?? [];
        return map.Count == 0 ? null : map.Select(e => new Tag { Key = e.Key, Value = e.Value }).ToList();
    }
}
