using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Server.Admin;

/// <summary>
/// HTTP Basic authentication of the console API routes (<c>/console/api/...</c>) with an admin access key:
/// <c>Authorization: Basic base64(&lt;access key id&gt;:&lt;secret&gt;)</c> (RFC 7617). A refused request is answered
/// 401 with <see cref="Challenge"/>.
/// </summary>
internal static class AdminBasicAuthentication
{
    public const string Challenge = "Basic realm=\"gatehouse\", charset=\"UTF-8\"";

    /// <summary>Null when the request carries a valid admin key; otherwise why not (never the secret).</summary>
    public static async Task<string?> RefusalAsync(HttpRequest request, AdminAccessKeys keys, CancellationToken ct)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Basic ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return "no Basic credentials";
        }

        string credentials;
        try
        {
            credentials = new UTF8Encoding(false, throwOnInvalidBytes: true)
                .GetString(Convert.FromBase64String(header[scheme.Length..].Trim()));
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return "malformed Basic credentials";
        }

        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return "malformed Basic credentials";
        }

        var secret = await keys.FindSecretAsync(credentials[..colon], ct);
        // Compare digests so that neither the length nor the content of the secret shows in the timing; an
        // unknown key is compared against a digest nothing matches.
        var expected = secret is null
            ? new byte[SHA256.HashSizeInBytes]
            : SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(credentials[(colon + 1)..]));
        return CryptographicOperations.FixedTimeEquals(expected, presented) && secret is not null
            ? null
            : "unknown access key or wrong secret";
    }
}
