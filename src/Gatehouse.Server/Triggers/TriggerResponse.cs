using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gatehouse.Server.Triggers;

/// <summary>
/// Reads the fields of a function's <c>response</c> as Cognito does: absent or null is "not set"; a value of the
/// wrong type marks the answer <see cref="Invalid"/>, which the trigger point answers with
/// <see cref="TriggerMessages.Unrecognizable"/> (InvalidLambdaResponseException). Booleans may come as JSON
/// booleans or as the strings "true"/"false" (Cognito reads the answer leniently, as Jackson does).
/// </summary>
internal sealed class TriggerResponse(JsonObject response)
{
    public bool Invalid { get; private set; }

    public bool? Bool(string name)
    {
        switch (response[name])
        {
            case null:
                return null;
            case JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return value.GetValue<bool>();
            case JsonValue value when value.GetValueKind() == JsonValueKind.String
                && bool.TryParse(value.GetValue<string>(), out var parsed):
                return parsed;
            default:
                Invalid = true;
                return null;
        }
    }

    public string? String(string name)
    {
        switch (response[name])
        {
            case null:
                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return value.GetValue<string>();
            default:
                Invalid = true;
                return null;
        }
    }

    /// <summary>A JSON object of string values (e.g. UserMigration's <c>userAttributes</c>).</summary>
    public Dictionary<string, string>? StringMap(string name)
    {
        switch (response[name])
        {
            case null:
                return null;
            case JsonObject map:
                var result = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (key, node) in map)
                {
                    if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                    {
                        result[key] = value.GetValue<string>();
                    }
                    else if (node is not null)
                    {
                        Invalid = true;
                        return null;
                    }
                }

                return result;
            default:
                Invalid = true;
                return null;
        }
    }

    /// <summary>A JSON array of strings (e.g. UserMigration's <c>desiredDeliveryMediums</c>).</summary>
    public List<string>? StringList(string name)
    {
        switch (response[name])
        {
            case null:
                return null;
            case JsonArray array when array.All(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String):
                return array.Select(n => n!.GetValue<string>()).ToList();
            default:
                Invalid = true;
                return null;
        }
    }
}
