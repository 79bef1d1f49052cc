using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Gatehouse.Server.AwsProtocol;

/// <summary>
/// Checks a request body against the input shape of its operation before any handler runs.
/// A value of the wrong JSON type is a <c>SerializationException</c>, as AWS's JSON front end answers;
/// a missing required member or a broken length, pattern, range or enum constraint is an
/// <c>InvalidParameterException</c> whose message lists the violations in AWS's words:
/// <c>1 validation error detected: Value 'x' at 'userPoolId' failed to satisfy constraint: ...</c>.
/// Values of sensitive shapes (passwords, secrets, tokens) are never echoed.
/// </summary>
internal sealed class ModelValidator(ApiModel model)
{
    private const int MaxReported = 10;
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);
    private readonly ConcurrentDictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    public AwsError? Validate(ModelShape? input, JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return AwsError.Serialization("The request body must be a JSON object.");
        }

        if (input is null)
        {
            return null;
        }

        var violations = new List<string>();
        var typeError = Check(input, body, "", violations);
        if (typeError is not null)
        {
            return AwsError.Serialization(typeError);
        }

        if (violations.Count == 0)
        {
            return null;
        }

        var count = violations.Count;
        var noun = count == 1 ? "error" : "errors";
        var text = string.Join("; ", violations.Take(MaxReported));
        return AwsError.InvalidParameter(
            string.Create(CultureInfo.InvariantCulture, $"{count} validation {noun} detected: {text}"));
    }

    /// <summary>Returns a type error (ends the walk) or adds constraint violations.</summary>
    private string? Check(ModelShape shape, JsonElement value, string path, List<string> violations)
    {
        switch (shape.Type)
        {
            case "structure" or "union":
                return CheckStructure(shape, value, path, violations);
            case "list":
                return CheckList(shape, value, path, violations);
            case "map":
                return CheckMap(shape, value, path, violations);
            case "string" or "enum":
                if (value.ValueKind != JsonValueKind.String)
                {
                    return Expected("a string", path, value);
                }

                CheckString(shape, value.GetString() ?? "", path, violations);
                return null;
            case "integer" or "long" or "intEnum":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number)
                    || (shape.Type != "long" && number is < int.MinValue or > int.MaxValue))
                {
                    return Expected("an integer", path, value);
                }

                CheckRange(shape, number, path, violations);
                return null;
            case "boolean":
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? null : Expected("a boolean", path, value);
            case "timestamp":
                return value.ValueKind == JsonValueKind.Number ? null : Expected("epoch seconds", path, value);
            case "blob":
                return value.ValueKind == JsonValueKind.String && value.TryGetBytesFromBase64(out _)
                    ? null : Expected("base64 text", path, value);
            default:
                return null;
        }
    }

    private string? CheckStructure(ModelShape shape, JsonElement value, string path, List<string> violations)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return Expected("an object", path, value);
        }

        foreach (var member in shape.Members)
        {
            var memberPath = Join(path, member.Name);
            if (!value.TryGetProperty(member.Name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                if (member.Required)
                {
                    violations.Add($"Value null at '{memberPath}' failed to satisfy constraint: Member must not be null");
                }

                continue;
            }

            if (Check(model[member.Target], v, memberPath, violations) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private string? CheckList(ModelShape shape, JsonElement value, string path, List<string> violations)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return Expected("an array", path, value);
        }

        CheckCount(shape, value.GetArrayLength(), path, violations);
        var element = model[shape.ListMember ?? throw new InvalidOperationException($"{shape.Name} has no member.")];
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            index++;
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}.{index}.member");
            if (item.ValueKind != JsonValueKind.Null && Check(element, item, itemPath, violations) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private string? CheckMap(ModelShape shape, JsonElement value, string path, List<string> violations)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return Expected("an object", path, value);
        }

        var keyShape = model[shape.MapKey ?? throw new InvalidOperationException($"{shape.Name} has no key.")];
        var valueShape = model[shape.MapValue ?? throw new InvalidOperationException($"{shape.Name} has no value.")];
        var count = 0;
        foreach (var entry in value.EnumerateObject())
        {
            count++;
            CheckString(keyShape, entry.Name, $"{path}.key", violations);
            if (entry.Value.ValueKind != JsonValueKind.Null
                && Check(valueShape, entry.Value, $"{path}.{entry.Name}", violations) is { } error)
            {
                return error;
            }
        }

        CheckCount(shape, count, path, violations);
        return null;
    }

    private void CheckString(ModelShape shape, string text, string path, List<string> violations)
    {
        // Smithy's length trait counts Unicode scalar values, not UTF-16 units.
        var length = text.EnumerateRunes().Count();
        var shown = shape.Sensitive ? "" : $" '{Truncate(text)}'";
        if (shape.MinLength is { } min && length < min)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture,
                $"Value{shown} at '{path}' failed to satisfy constraint: Member must have length greater than or equal to {min}"));
        }

        if (shape.MaxLength is { } max && length > max)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture,
                $"Value{shown} at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max}"));
        }

        if (shape.Pattern is { } pattern && !Matches(pattern, text))
        {
            violations.Add(
                $"Value{shown} at '{path}' failed to satisfy constraint: Member must satisfy regular expression pattern: {pattern}");
        }

        if (shape.Enum is { } values && !values.Contains(text))
        {
            violations.Add(
                $"Value{shown} at '{path}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", values)}]");
        }
    }

    private static void CheckRange(ModelShape shape, long number, string path, List<string> violations)
    {
        if (shape.Min is { } min && number < min)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture,
                $"Value '{number}' at '{path}' failed to satisfy constraint: Member must have value greater than or equal to {min}"));
        }

        if (shape.Max is { } max && number > max)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture,
                $"Value '{number}' at '{path}' failed to satisfy constraint: Member must have value less than or equal to {max}"));
        }
    }

    private static void CheckCount(ModelShape shape, int count, string path, List<string> violations)
    {
        if (shape.MinLength is { } min && count < min)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture,
                $"Value at '{path}' failed to satisfy constraint: Member must have length greater than or equal to {min}"));
        }

        if (shape.MaxLength is { } max && count > max)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture,
                $"Value at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max}"));
        }
    }

    private bool Matches(string pattern, string text)
    {
        var regex = _patterns.GetOrAdd(pattern, static p => new Regex(
            p, RegexOptions.CultureInvariant | RegexOptions.Compiled, PatternTimeout));
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // A value that takes a backtracking pattern this long is hostile; it fails the constraint.
            return false;
        }
    }

    /// <summary>AWS names members in lower camel case in these messages: <c>userAttributes.1.member.value</c>.</summary>
    private static string Join(string path, string member)
    {
        var camel = member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..];
        return path.Length == 0 ? camel : $"{path}.{camel}";
    }

    private static string Expected(string what, string path, JsonElement value) =>
        $"Expected {what} at '{(path.Length == 0 ? "body" : path)}', found {Describe(value.ValueKind)}.";

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Truncate(string text)
    {
        if (text.Length <= 256)
        {
            return text;
        }

        var sb = new StringBuilder(text, 0, 256, 260);
        return sb.Append("...").ToString();
    }
}
