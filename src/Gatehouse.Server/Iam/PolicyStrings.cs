using System.Text.Json;

namespace Gatehouse.Server.Iam;

/// <summary>
/// The "string or array of strings" shape that Action, Resource and principal values share
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html), and the condition value
/// shape, which also admits JSON numbers and booleans.
/// </summary>
internal static class PolicyStrings
{
    /// <summary>The strings, or null when the element is of another shape.</summary>
    public static string[]? Read(JsonElement element) => Read(element, allowScalars: false);

    /// <summary>
    /// Condition values: strings, numbers (kept as written, so <c>10</c> and <c>"10"</c> are the same value) and
    /// booleans, alone or in an array (reference_policies_elements_condition.html).
    /// </summary>
    public static string[]? ReadConditionValues(JsonElement element) => Read(element, allowScalars: true);

    private static string[]? Read(JsonElement element, bool allowScalars)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            return Scalar(element, allowScalars) is { } single ? [single] : null;
        }

        var values = new string[element.GetArrayLength()];
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (Scalar(item, allowScalars) is not { } value)
            {
                return null;
            }

            values[i++] = value;
        }

        return values;
    }

    private static string? Scalar(JsonElement element, bool allowScalars) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number when allowScalars => element.GetRawText(),
        JsonValueKind.True when allowScalars => "true",
        JsonValueKind.False when allowScalars => "false",
        _ => null,
    };
}
