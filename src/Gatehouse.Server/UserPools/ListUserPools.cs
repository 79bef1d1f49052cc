using System.Globalization;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.UserPools;

/// <summary>Pools in creation order, paged by a keyset token on the (CreatedAt, Id) index.</summary>
internal sealed class ListUserPools(AppDb db) : IAwsHandler<ListUserPoolsRequest>
{
    private const string Scope = "ListUserPools";

    public async Task<AwsResult> HandleAsync(ListUserPoolsRequest request, CancellationToken ct)
    {
        var query = db.UserPools.AsNoTracking();
        if (request.NextToken is { } token)
        {
            if (UserPoolPageToken.Decode(token, Scope, 2) is not [var createdText, var afterId]
                || !long.TryParse(createdText, NumberStyles.None, CultureInfo.InvariantCulture, out var createdMs))
            {
                return AwsError.InvalidParameter(UserPoolMessages.InvalidPaginationToken);
            }

            var after = DateTimeOffset.FromUnixTimeMilliseconds(createdMs);
            query = query.Where(p => p.CreatedAt > after || (p.CreatedAt == after && string.Compare(p.Id, afterId) > 0));
        }

        var page = await query.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Take(request.MaxResults + 1).ToListAsync(ct);
        var more = page.Count > request.MaxResults;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        return AwsResult.Ok(new ListUserPoolsResponse
        {
            UserPools = [.. page.Select(Describe)],
            NextToken = more
                ? UserPoolPageToken.Encode(
                    Scope, page[^1].CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), page[^1].Id)
                : null,
        });
    }

    private static UserPoolDescriptionType Describe(UserPool pool) => new()
    {
        Id = pool.Id,
        Name = pool.Name,
        LambdaConfig = UserPoolSettings.Read(pool).LambdaConfig,
        CreationDate = pool.CreatedAt,
        LastModifiedDate = pool.LastModifiedAt,
    };
}
