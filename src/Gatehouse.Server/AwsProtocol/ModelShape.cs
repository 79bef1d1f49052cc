using System.Text.Json;

namespace Gatehouse.Server.AwsProtocol;

/// <summary>A shape of the trimmed AWS model with the constraints that validation needs.</summary>
internal sealed record ModelShape(
    string Name,
    string Type,
    long? MinLength,
    long? MaxLength,
    string? Pattern,
    decimal? Min,
    decimal? Max,
    IReadOnlySet<string>? Enum,
    IReadOnlyList<ModelMember> Members,
    string? ListMember,
    string? MapKey,
    string? MapValue,
    string? Input,
    string? Output,
    bool Sensitive)
{
    public static ModelShape From(string name, JsonElement e)
    {
        var members = new List<ModelMember>();
        if (e.TryGetProperty("members", out var m))
        {
            foreach (var p in m.EnumerateObject())
            {
                members.Add(new ModelMember(
                    p.Name, p.Value.GetProperty("target").GetString()!, p.Value.TryGetProperty("required", out _)));
            }
        }

        return new ModelShape(
            name,
            e.GetProperty("type").GetString()!,
            Number(e, "length", "min") is { } minLength ? (long)minLength : null,
            Number(e, "length", "max") is { } maxLength ? (long)maxLength : null,
            e.TryGetProperty("pattern", out var pattern) ? pattern.GetString() : null,
            Number(e, "range", "min"),
            Number(e, "range", "max"),
            e.TryGetProperty("enum", out var values)
                ? values.EnumerateArray().Select(v => v.GetString()!).ToHashSet(StringComparer.Ordinal)
                : null,
            members,
            Text(e, "member"),
            Text(e, "key"),
            Text(e, "value"),
            Text(e, "input"),
            Text(e, "output"),
            e.TryGetProperty("sensitive", out _));
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static decimal? Number(JsonElement e, string trait, string bound) =>
        e.TryGetProperty(trait, out var t) && t.TryGetProperty(bound, out var v) ? v.GetDecimal() : null;
}
