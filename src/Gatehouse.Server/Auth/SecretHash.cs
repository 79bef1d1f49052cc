using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Server.Auth;

/// <summary>
/// Cognito's SECRET_HASH / SecretHash for app clients with a secret: Base64(HMAC-SHA256(key = client secret,
/// message = username ‖ clientId)) (AWS knowledge-center "cognito-unable-to-verify-secret-hash";
/// protocol-notes §8). Compared in constant time.
/// </summary>
internal static class SecretHash
{
    public static string Compute(string clientSecret, string username, string clientId) =>
        Convert.ToBase64String(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(clientSecret), Encoding.UTF8.GetBytes(username + clientId)));

    public static bool Matches(string clientSecret, string username, string clientId, string? presented)
    {
        if (presented is null)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(clientSecret, username, clientId));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(presented));
    }
}
