using System.Security.Cryptography;
using System.Text.Json;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Sts;

/// <summary>
/// Seals a <see cref="RoleSession"/> into the session token that goes with temporary credentials, and opens one.
/// Format: the <see cref="SecretProtector"/> v1 form (<c>v1.</c> + base64url(nonce ‖ AES-256-GCM(JSON) ‖ tag)) with
/// purpose <see cref="Purpose"/>, so a token is encrypted and authenticated under the master key: every node that
/// shares the key can verify it, nobody else can read or forge one, and the secret inside never reaches the store.
/// </summary>
internal sealed class SessionTokenSealer(SecretProtector protector)
{
    public const string Purpose = "Sts.SessionToken";

    // Bounds what is decrypted at all: sealed sessions are a few hundred bytes, policies included.
    private const int MaxTokenLength = 16 * 1024;

    public string Seal(RoleSession session) =>
        protector.Protect(Purpose, JsonSerializer.Serialize(session, StsSessionJsonContext.Default.RoleSession));

    /// <summary>The session of a token this server sealed, or null for anything else (tampered, truncated, foreign).</summary>
    public RoleSession? Open(string token)
    {
        if (token.Length is 0 or > MaxTokenLength)
        {
            return null;
        }

        try
        {
            var session = JsonSerializer.Deserialize(protector.Unprotect(Purpose, token), StsSessionJsonContext.Default.RoleSession);
            return session is { V: 1 } ? session : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }
}
