using System.Globalization;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// <c>ListIdentityPools</c>: pools in creation order, paged by a keyset token (<see cref="IdentityPoolPageToken"/>)
/// on the (CreatedAt, Id) index. MaxResults (1..60) is required and checked by the model.
/// </summary>
internal sealed class ListIdentityPools(AppDb db, IdentityPoolPageToken pageToken) : IAwsHandler<ListIdentityPoolsInput>
{
    private const string Scope = "ListIdentityPools";

    public async Task<AwsResult> HandleAsync(ListIdentityPoolsInput request, CancellationToken ct)
    {
        var query = db.IdentityPools.AsNoTracking();
        if (request.NextToken is { } token)
        {
            if (pageToken.Decode(token, Scope, 2) is not [var createdText, var afterId]
                || !long.TryParse(createdText, NumberStyles.None, CultureInfo.InvariantCulture, out var createdMs))
            {
                return AwsError.InvalidParameter(IdentityPoolMessages.InvalidNextToken);
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

        return AwsResult.Ok(new ListIdentityPoolsResponse
        {
            IdentityPools = [.. page.Select(p => new IdentityPoolShortDescription
            {
                IdentityPoolId = p.Id,
                IdentityPoolName = p.Name,
            })],
            NextToken = more
                ? pageToken.Encode(
                    Scope, page[^1].CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), page[^1].Id)
                : null,
        });
    }
}
