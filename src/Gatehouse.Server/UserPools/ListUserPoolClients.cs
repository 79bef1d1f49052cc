using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.UserPools;

/// <summary>
/// A pool's app clients by id, paged by a keyset token on the (PoolId, ClientId) index. Descriptions carry id,
/// pool and name only: never the secret.
/// </summary>
internal sealed class ListUserPoolClients(AppDb db) : IAwsHandler<ListUserPoolClientsRequest>
{
    private const int DefaultMaxResults = 60;

    public async Task<AwsResult> HandleAsync(ListUserPoolClientsRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.PoolNotFound(request.UserPoolId));
        }

        var scope = "ListUserPoolClients " + pool.Id;
        var query = db.AppClients.AsNoTracking().Where(c => c.PoolId == pool.Id);
        if (request.NextToken is { } token)
        {
            if (UserPoolPageToken.Decode(token, scope, 1) is not [var afterId])
            {
                return AwsError.InvalidParameter(UserPoolMessages.InvalidPaginationToken);
            }

            query = query.Where(c => string.Compare(c.ClientId, afterId) > 0);
        }

        var max = request.MaxResults ?? DefaultMaxResults;
        var page = await query.OrderBy(c => c.ClientId).Take(max + 1).ToListAsync(ct);
        var more = page.Count > max;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        return AwsResult.Ok(new ListUserPoolClientsResponse
        {
            UserPoolClients =
            [
                .. page.Select(c => new UserPoolClientDescription
                {
                    ClientId = c.ClientId,
                    UserPoolId = c.PoolId,
                    ClientName = c.ClientName,
                }),
            ],
            NextToken = more ? UserPoolPageToken.Encode(scope, page[^1].ClientId) : null,
        });
    }
}
