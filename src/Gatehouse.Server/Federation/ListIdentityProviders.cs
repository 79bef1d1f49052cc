using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Federation;

/// <summary>
/// A pool's providers by name, paged by a keyset token (<see cref="UserPoolPageToken"/>, key: the last name).
/// MaxResults is 0..60 per the model; 0 or absent means 60.
/// </summary>
internal sealed class ListIdentityProviders(AppDb db) : IAwsHandler<ListIdentityProvidersRequest>
{
    private const int DefaultMaxResults = 60;

    public async Task<AwsResult> HandleAsync(ListIdentityProvidersRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(FederationMessages.PoolNotFound(request.UserPoolId));
        }

        var scope = "ListIdentityProviders " + pool.Id;
        var query = db.IdentityProviders.AsNoTracking().Where(p => p.PoolId == pool.Id);
        if (request.NextToken is { } token)
        {
            if (UserPoolPageToken.Decode(token, scope, 1) is not [var after])
            {
                return AwsError.InvalidParameter(UserPoolMessages.InvalidPaginationToken);
            }

            query = query.Where(p => string.Compare(p.ProviderName, after) > 0);
        }

        var max = request.MaxResults is { } requested and > 0 ? requested : DefaultMaxResults;
        var page = await query.OrderBy(p => p.ProviderName).Take(max + 1).ToListAsync(ct);
        var more = page.Count > max;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        return AwsResult.Ok(new ListIdentityProvidersResponse
        {
            Providers = [.. page.Select(IdentityProviderView.Summary)],
            NextToken = more ? UserPoolPageToken.Encode(scope, page[^1].ProviderName) : null,
        });
    }
}
