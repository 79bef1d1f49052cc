using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace Gatehouse.Server.AwsProtocol;

/// <summary>
/// Turns the parameters of an AWS Query request (IAM, STS: <c>Action=CreateRole&amp;RoleName=r&amp;Tags.member.1.Key=k</c>)
/// into the JSON form of the operation's input shape, so that the same <see cref="ModelValidator"/> and generated
/// records serve both protocols. The encoding is the one the SDKs write (@aws-sdk/core AwsQueryProtocol; shared/api
/// sts-web-identity.md "Request encoding"): structures flatten with dots, lists are <c>Name.member.N</c> (1-based,
/// contiguous; an empty list is <c>Name=</c>), maps are <c>Name.entry.N.key</c> / <c>Name.entry.N.value</c>.
/// A value that does not parse as its shape's type is kept as a string, so that validation reports it.
/// </summary>
internal static class AwsQueryReader
{
    // Bounds a list or map's index walk: IAM's longest lists (tags, client ids) have at most 100 members.
    private const int MaxMembers = 1000;

    public static JsonObject Read(ApiModel model, ModelShape? input, IReadOnlyDictionary<string, StringValues> form) =>
        input is null ? [] : ReadStructure(model, input, "", form, depth: 0);

    private static JsonObject ReadStructure(
        ApiModel model, ModelShape shape, string prefix, IReadOnlyDictionary<string, StringValues> form, int depth)
    {
        var result = new JsonObject();
        if (depth > 8)
        {
            return result;
        }

        foreach (var member in shape.Members)
        {
            if (ReadValue(model, model[member.Target], prefix + member.Name, form, depth + 1) is { } value)
            {
                result[member.Name] = value;
            }
        }

        return result;
    }

    private static JsonNode? ReadValue(
        ApiModel model, ModelShape shape, string key, IReadOnlyDictionary<string, StringValues> form, int depth) =>
        shape.Type switch
        {
            "structure" or "union" => HasPrefix(form, key + ".") ? ReadStructure(model, shape, key + ".", form, depth) : null,
            "list" => ReadList(model, shape, key, form, depth),
            "map" => ReadMap(model, shape, key, form, depth),
            _ => form.TryGetValue(key, out var raw) ? Scalar(shape, raw.ToString()) : null,
        };

    private static JsonArray? ReadList(
        ApiModel model, ModelShape shape, string key, IReadOnlyDictionary<string, StringValues> form, int depth)
    {
        var member = model[shape.ListMember!]; // a list shape always names its member
        var list = new JsonArray();
        for (var i = 1; i <= MaxMembers; i++)
        {
            var itemKey = string.Create(CultureInfo.InvariantCulture, $"{key}.member.{i}");
            if (!form.ContainsKey(itemKey) && !HasPrefix(form, itemKey + "."))
            {
                break;
            }

            list.Add(ReadValue(model, member, itemKey, form, depth + 1));
        }

        return list.Count > 0 || form.ContainsKey(key) ? list : null;
    }

    private static JsonObject? ReadMap(
        ApiModel model, ModelShape shape, string key, IReadOnlyDictionary<string, StringValues> form, int depth)
    {
        var value = model[shape.MapValue!]; // a map shape always names its value
        var map = new JsonObject();
        for (var i = 1; i <= MaxMembers; i++)
        {
            var entry = string.Create(CultureInfo.InvariantCulture, $"{key}.entry.{i}");
            if (!form.TryGetValue(entry + ".key", out var name))
            {
                break;
            }

            map[name.ToString()] = ReadValue(model, value, entry + ".value", form, depth + 1);
        }

        return map.Count > 0 || form.ContainsKey(key) ? map : null;
    }

    private static JsonValue Scalar(ModelShape shape, string raw) => shape.Type switch
    {
        "integer" or "long" or "intEnum" when long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            => JsonValue.Create(n),
        "float" or "double" when double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            => JsonValue.Create(d),
        "boolean" when bool.TryParse(raw, out var b) => JsonValue.Create(b),
        "timestamp" when DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            => JsonValue.Create(t.ToUnixTimeMilliseconds() / 1000m),
        _ => JsonValue.Create(raw),
    };

    private static bool HasPrefix(IReadOnlyDictionary<string, StringValues> form, string prefix)
    {
        foreach (var name in form.Keys)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
