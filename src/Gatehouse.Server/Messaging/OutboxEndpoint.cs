using System.Globalization;
using Gatehouse.Server.Admin;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Messaging;

/// <summary>
/// <c>GET /console/api/outbox?destination=&amp;poolId=&amp;after=</c>: the dev outbox for tests and operators.
/// Authenticated with an admin access key over HTTP Basic (<see cref="AdminBasicAuthentication"/>). Answers at most
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
        if (await AdminBasicAuthentication.RefusalAsync(context.Request, keys, ct) is { } refusal)
        {
            Log.OutboxRefused(logger, refusal);
            context.Response.Headers.WWWAuthenticate = AdminBasicAuthentication.Challenge;
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
}
