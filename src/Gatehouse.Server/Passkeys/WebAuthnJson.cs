using System.Text.Json;
using Fido2NetLib;

namespace Gatehouse.Server.Passkeys;

/// <summary>
/// The browser's JSON forms (RegistrationResponseJSON, AuthenticationResponseJSON; W3C WebAuthn Level 3 §5.1) read
/// into the library's types; null when the JSON does not fit them. The library publishes no source-generated
/// contract for these two, so they are read by reflection, with the library's own converters (base64url members).
/// </summary>
internal static class WebAuthnJson
{
    public static AuthenticatorAttestationRawResponse? ReadAttestation(JsonElement credential) =>
        Read<AuthenticatorAttestationRawResponse>(credential) is { Response: not null } r
            ? r
            : null;

    public static AuthenticatorAssertionRawResponse? ReadAssertion(string credential)
    {
        try
        {
            using var doc = JsonDocument.Parse(credential);
            var read = Read<AuthenticatorAssertionRawResponse>(doc.RootElement);
            return read?.Response is null ? null : read;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The <c>authenticatorAttachment</c> member, when the browser sent a known value.</summary>
    public static string? Attachment(JsonElement credential) =>
        credential.ValueKind == JsonValueKind.Object
        && credential.TryGetProperty("authenticatorAttachment", out var value)
        && value.ValueKind == JsonValueKind.String
        && value.GetString() is "platform" or "cross-platform"
            ? value.GetString()
            : null;

    private static T? Read<T>(JsonElement element)
        where T : class
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            return element.Deserialize<T>();
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
