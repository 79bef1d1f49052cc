using System.Buffers.Text;
using System.Text.Json;

namespace Gatehouse.Server.Passkeys;

/// <summary>
/// The members of a response's <c>clientDataJSON</c> (W3C WebAuthn §5.8.1) read before the library's checks, so
/// that the challenge and origin get their own errors: <c>type</c>, <c>challenge</c> (base64url), <c>origin</c>.
/// </summary>
internal sealed record WebAuthnClientData(string Type, byte[] Challenge, string Origin)
{
    public static WebAuthnClientData? Parse(byte[]? clientDataJson)
    {
        if (clientDataJson is null)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(clientDataJson);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("challenge", out var challenge) || challenge.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("origin", out var origin) || origin.ValueKind != JsonValueKind.String
                || !Base64Url.IsValid(challenge.GetString()))
            {
                return null;
            }

            // ValueKind String: GetString is not null.
            return new WebAuthnClientData(
                type.GetString()!, Base64Url.DecodeFromChars(challenge.GetString()), origin.GetString()!);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
