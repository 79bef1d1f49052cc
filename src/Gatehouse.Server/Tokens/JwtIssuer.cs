using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Server.Tokens;

/// <summary>Signs a claim set as a compact RS256 JWS whose header carries the key's <c>kid</c>.</summary>
internal static class JwtIssuer
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static string Sign(string payloadJson, SigningCredentials credentials) =>
        Handler.CreateToken(payloadJson, credentials);

    /// <summary>
    /// <c>at_hash</c> for an RS256 ID token (OIDC Core §3.1.3.6): base64url of the left half of SHA-256 of the
    /// access token's ASCII text.
    /// </summary>
    public static string AccessTokenHash(string accessToken)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(accessToken));
        return Base64UrlEncoder.Encode(hash, 0, hash.Length / 2);
    }
}
