using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Server.Tokens;

/// <summary>
/// Refresh tokens are opaque to clients (protocol-notes §9). Format v1: <c>ghr1.</c> + base64url(64 random bytes)
/// (no padding), which fits the model's token pattern <c>[A-Za-z0-9-_=.]+</c>. The store keeps only
/// <see cref="Hash"/>: lower-case hex SHA-256 of the token's UTF-8 text.
/// </summary>
internal static class RefreshTokenFormat
{
    public const string Prefix = "ghr1.";

    public static string New() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(64));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether a string has the shape of one of our refresh tokens (JWTs and foreign strings do not).</summary>
    public static bool LooksLikeRefreshToken(string token) =>
        token.StartsWith(Prefix, StringComparison.Ordinal) && token.Length == Prefix.Length + 86;
}
