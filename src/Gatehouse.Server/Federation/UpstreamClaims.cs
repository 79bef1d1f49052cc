using System.Text.Json;

namespace Gatehouse.Server.Federation;

/// <summary>
/// The claims of an upstream JSON object (ID token payload, userInfo or profile answer) as the strings
/// <see cref="FederatedSignIn"/> maps: strings as they are, other values (booleans, numbers, arrays, objects) as their
/// JSON text, so <c>email_verified: true</c> maps to <c>"true"</c> as in Cognito.
/// </summary>
internal static class UpstreamClaims
{
    public static Dictionary<string, string> From(JsonElement json)
    {
        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            claims[property.Name] = property.Value.ValueKind == JsonValueKind.String
                ? property.Value.GetString()!
                : property.Value.GetRawText();
        }

        return claims;
    }
}
