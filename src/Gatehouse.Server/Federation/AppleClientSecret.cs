using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Server.Federation;

/// <summary>
/// Sign in with Apple's <c>client_secret</c>: an ES256 JWT signed with the provider's <c>private_key</c> (a PKCS#8
/// PEM), header <c>kid</c> = <c>key_id</c>, claims <c>iss</c> = <c>team_id</c>, <c>sub</c> = <c>client_id</c>,
/// <c>aud</c> = <c>https://appleid.apple.com</c>, valid for <see cref="Validity"/> (Apple's "Creating a client
/// secret" page; at most six months, we make a fresh one per exchange).
/// </summary>
internal static class AppleClientSecret
{
    public const string Audience = "https://appleid.apple.com";
    public static readonly TimeSpan Validity = TimeSpan.FromMinutes(5);

    /// <summary>The assertion, or null when the stored key is not an EC private key in PEM.</summary>
    public static string? Create(IReadOnlyDictionary<string, string> details, DateTimeOffset now)
    {
        if (!details.TryGetValue("team_id", out var teamId) || !details.TryGetValue("key_id", out var keyId)
            || !details.TryGetValue("client_id", out var clientId) || !details.TryGetValue("private_key", out var pem))
        {
            return null;
        }

        using var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            return null;
        }

        var key = new ECDsaSecurityKey(ecdsa) { KeyId = keyId };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = teamId,
            Audience = Audience,
            Claims = new Dictionary<string, object> { ["sub"] = clientId },
            IssuedAt = now.UtcDateTime,
            Expires = (now + Validity).UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });
    }
}
