using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// <c>ListIdentities</c>: a pool's identities by id, in keyset pages on the (PoolId, Id) index
/// (<see cref="IdentityPoolPageToken"/>); HideDisabled leaves out disabled ones (<see cref="IdentityStatus"/>).
/// A token continues only the listing it came from, HideDisabled included.
/// </summary>
internal sealed class ListIdentities(AppDb db, IdentityPoolPageToken pageToken) : IAwsHandler<ListIdentitiesInput>
{
    public async Task<AwsResult> HandleAsync(ListIdentitiesInput request, CancellationToken ct)
    {
        if (await db.FindIdentityPoolAsync(request.IdentityPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(IdentityPoolMessages.PoolNotFound(request.IdentityPoolId));
        }

        var hideDisabled = request.HideDisabled ?? false;
        var scope = $"ListIdentities {pool.Id} {(hideDisabled ? "enabled" : "all")}";
        var query = db.Identities.AsNoTracking().Where(i => i.PoolId == pool.Id);
        if (request.NextToken is { } token)
        {
            if (pageToken.Decode(token, scope, 1) is not [var afterId])
            {
                return AwsError.InvalidParameter(IdentityPoolMessages.InvalidNextToken);
            }

            query = query.Where(i => string.Compare(i.Id, afterId) > 0);
        }

        if (hideDisabled)
        {
            query = query.WhereEnabled(db);
        }

        var page = await query.OrderBy(i => i.Id).Take(request.MaxResults + 1).ToListAsync(ct);
        var more = page.Count > request.MaxResults;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        var ids = page.Select(i => i.Id).ToList();
        var logins = (await db.IdentityLogins.AsNoTracking().Where(l => ids.Contains(l.IdentityId))
                .Select(l => new { l.IdentityId, l.Provider }).ToListAsync(ct))
            .ToLookup(l => l.IdentityId, l => l.Provider, StringComparer.Ordinal);
        return AwsResult.Ok(new ListIdentitiesResponse
        {
            IdentityPoolId = pool.Id,
            Identities = [.. page.Select(i => IdentityView.Describe(
                i, [.. logins[i.Id].Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))],
            NextToken = more ? pageToken.Encode(scope, page[^1].Id) : null,
        });
    }
}
