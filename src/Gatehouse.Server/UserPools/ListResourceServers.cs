using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.UserPools;

/// <summary>
/// A pool's resource servers by identifier, paged by a keyset token (<see cref="UserPoolPageToken"/>, key: the
/// last identifier, which has no whitespace by the model's pattern). MaxResults is 1..50 per the model.
/// </summary>
internal sealed class ListResourceServers(AppDb db) : IAwsHandler<ListResourceServersRequest>
{
    private const int DefaultMaxResults = 50;

    public async Task<AwsResult> HandleAsync(ListResourceServersRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.PoolNotFound(request.UserPoolId));
        }

        var scope = "ListResourceServers " + pool.Id;
        var query = db.ResourceServers.AsNoTracking().Where(r => r.PoolId == pool.Id);
        if (request.NextToken is { } token)
        {
            if (UserPoolPageToken.Decode(token, scope, 1) is not [var after])
            {
                return AwsError.InvalidParameter(UserPoolMessages.InvalidPaginationToken);
            }

            query = query.Where(r => string.Compare(r.Identifier, after) > 0);
        }

        var max = request.MaxResults ?? DefaultMaxResults;
        var page = await query.OrderBy(r => r.Identifier).Take(max + 1).ToListAsync(ct);
        var more = page.Count > max;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        return AwsResult.Ok(new ListResourceServersResponse
        {
            ResourceServers = [.. page.Select(ResourceServerScopes.Describe)],
            NextToken = more ? UserPoolPageToken.Encode(scope, page[^1].Identifier) : null,
        });
    }
}
