using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gatehouse.Server.Admin;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Messaging;

/// <summary>
/// <c>GET /console/api/outbox?destination=&amp;poolId=&amp;after=</c>: the dev outbox for tests and operators.
/// Authenticated with HTTP Basic <c>&lt;admin access key id&gt;:&lt;secret&gt;</c> (RFC 7617). Answers at most
/// <see cref="MaxMessages"/> messages, oldest first: with <c>after</c>, the first ones whose id is greater (poll
/// forward with the last id seen); without it, the newest ones.
/// </summary>
internal static class OutboxEndpoint
{
    public const string Route = "/console/api/outbox";
    public const int MaxMessages = 100;

    public static async Task<IResult> ListAsync(
        HttpContext context, AdminAccessKeys keys, AppDb db, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(OutboxEndpoint));
        if (await AuthenticateAsync(context.Request, keys, ct) is { } refusal)
        {
            Log.OutboxRefused(logger, refusal);
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"gatehouse\", charset=\"UTF-8\"";
            return Results.Unauthorized();
        }

        var query = context.Request.Query;
        long? after = null;
        if (query["after"].ToString() is { Length: > 0 } afterText)
        {
            if (!long.TryParse(afterText, NumberStyles.None, CultureInfo.InvariantCulture, out var afterId))
            {
                return Results.Problem(statusCode: 400, detail: "after must be a message id (a non-negative integer).");
            }

            after = afterId;
        }

        var messages = db.OutboxMessages.AsNoTracking();
        if (query["destination"].ToString() is { Length: > 0 } destination)
        {
            messages = messages.Where(m => m.Destination == destination);
        }

        if (query["poolId"].ToString() is { Length: > 0 } poolId)
        {
            messages = messages.Where(m => m.PoolId == poolId);
        }

        List<OutboxMessage> page;
        if (after is { } afterValue)
        {
            page = await messages.Where(m => m.Id > afterValue).OrderBy(m => m.Id).Take(MaxMessages).ToListAsync(ct);
        }
        else
        {
            page = await messages.OrderByDescending(m => m.Id).Take(MaxMessages).ToListAsync(ct);
            page.Reverse();
        }

        var listing = new OutboxListing(page.Select(m => new OutboxListingMessage(
            m.Id, m.PoolId, m.Channel, m.Destination, m.Subject, m.Body, m.CreatedAt)).ToList());
        return Results.Json(listing, MessagingJsonContext.Default.OutboxListing);
    }

    /// <summary>Null when the request carries a valid admin key; otherwise why not (never the secret).</summary>
    private static async Task<string?> AuthenticateAsync(
        HttpRequest request, AdminAccessKeys keys, CancellationToken ct)
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
