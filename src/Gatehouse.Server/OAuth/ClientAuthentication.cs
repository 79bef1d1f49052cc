using System.Net;
using System.Security.Cryptography;
using System.Text;
using Gatehouse.Server.HostedUi;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;

namespace Gatehouse.Server.OAuth;

/// <summary>
/// Authenticates the client at the token and revoke endpoints (RFC 6749 §2.3.1): <c>client_secret_basic</c>
/// (HTTP Basic, id and secret form-url-encoded) or <c>client_secret_post</c> (<c>client_id</c>, <c>client_secret</c>
/// fields), never both; a public client sends only <c>client_id</c>. The client must belong to the domain's pool.
/// </summary>
internal sealed class ClientAuthentication(AppDb db, SecretProtector protector)
{
    public sealed record Result(AppClient? Client, bool UsedBasic, string? Error);

    public async Task<Result> AuthenticateAsync(HttpContext context, PoolDomainContext domain, IFormCollection form, CancellationToken ct)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var usedBasic = header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase);
        string? clientId = form["client_id"].ToString() is { Length: > 0 } id ? id : null;
        string? secret = form["client_secret"].ToString() is { Length: > 0 } s ? s : null;
        if (usedBasic)
        {
            if (secret is not null || !TryReadBasic(header[6..], out var basicId, out var basicSecret)
                || (clientId is not null && !string.Equals(clientId, basicId, StringComparison.Ordinal)))
            {
                return new(null, true, "invalid_request");
            }

            (clientId, secret) = (basicId, basicSecret);
        }

        if (clientId is null)
        {
            return new(null, usedBasic, "invalid_request");
        }

        if (await db.FindClientAsync(domain.PoolId, clientId, ct) is not { } client)
        {
            return new(null, usedBasic, "invalid_client");
        }

        var expected = AppClientSecret.Reveal(protector, client);
        var matches = expected is null
            ? secret is null
            : secret is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(secret));
        return matches ? new(client, usedBasic, null) : new(null, usedBasic, "invalid_client");
    }

    private static bool TryReadBasic(string encoded, out string id, out string secret)
    {
        id = secret = string.Empty;
        var buffer = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded.Trim(), buffer, out var length))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, length);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        id = WebUtility.UrlDecode(text[..colon]);
        secret = WebUtility.UrlDecode(text[(colon + 1)..]);
        return true;
    }
}
