using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Server.Federation;

/// <summary>
/// Verifies an upstream ID token (OpenID Connect Core §3.1.3.7, RFC 8725): signed with RS256, ES256 or PS256 by a key
/// of the provider's <c>jwks_uri</c> named by its <c>kid</c> (never <c>none</c>, never a key the token brings, no
/// trying of other keys), <c>iss</c> the provider's issuer, <c>aud</c> our <c>client_id</c>, unexpired with
/// <see cref="ClockSkew"/>, and <c>nonce</c> the one sent with this round trip.
/// </summary>
internal sealed class UpstreamIdTokens(UpstreamKeys keys, TimeProvider clock)
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);
    private const int MaxTokenLength = 64 * 1024;
    private static readonly string[] Algorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSsaPssSha256];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>The token's claims, or why it is refused (for the log).</summary>
    public async Task<(Dictionary<string, string>? Claims, string? Failure)> ValidateAsync(
        string idToken, string issuer, string audience, string jwksUri, string? nonce, CancellationToken ct)
    {
        if (idToken.Length > MaxTokenLength || !_handler.CanReadToken(idToken))
        {
            return (null, "ID token malformed");
        }

        var token = _handler.ReadJsonWebToken(idToken);
        if (!Algorithms.Contains(token.Alg, StringComparer.Ordinal))
        {
            return (null, "ID token algorithm not allowed");
        }

        var kid = string.IsNullOrEmpty(token.Kid) ? null : token.Kid;
        if (await keys.KeysAsync(jwksUri, kid, ct) is not { Count: > 0 } signingKeys)
        {
            return (null, kid is null ? "no signing keys" : "unknown kid");
        }

        var result = await _handler.ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = audience,
            IssuerSigningKeys = signingKeys,
            TryAllIssuerSigningKeys = kid is null,
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            // Lifetime is checked below against the injected clock (the handler would read the system clock).
            ValidateLifetime = false,
        });
        if (!result.IsValid)
        {
            return (null, "ID token refused: " + result.Exception?.GetType().Name);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!token.TryGetPayloadValue<long>("exp", out _) || token.ValidTo + ClockSkew <= now
            || (token.TryGetPayloadValue<long>("nbf", out _) && token.ValidFrom - ClockSkew > now))
        {
            return (null, "ID token expired or not yet valid");
        }

        using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(token.EncodedPayload));
        var claims = UpstreamClaims.From(payload.RootElement);
        if (nonce is not null && !(claims.TryGetValue("nonce", out var sent) && FixedEquals(sent, nonce)))
        {
            return (null, "nonce mismatch");
        }

        return claims.TryGetValue("sub", out var sub) && sub.Length > 0 ? (claims, null) : (null, "ID token has no sub");
    }

    private static bool FixedEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
