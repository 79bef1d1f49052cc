using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// <c>LookupDeveloperIdentity</c>, as its documentation describes: with a DeveloperUserIdentifier only, the identity
/// it is linked to and that identity's developer user identifiers; with an IdentityId only, that identity's
/// identifiers; with both, both back as sent when they belong together, else ResourceConflictException. The
/// identifiers come in keyset pages by identifier (<see cref="IdentityPoolPageToken"/>), MaxResults 1..60 (60 when
/// omitted).
/// </summary>
internal sealed class LookupDeveloperIdentity(AppDb db, IdentityPoolPageToken pageToken)
    : IAwsHandler<LookupDeveloperIdentityInput>
{
    public const int DefaultMaxResults = 60;

    public async Task<AwsResult> HandleAsync(LookupDeveloperIdentityInput request, CancellationToken ct)
    {
        if (await db.FindIdentityPoolAsync(request.IdentityPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(IdentityPoolMessages.PoolNotFound(request.IdentityPoolId));
        }

        if (request.IdentityId is null && request.DeveloperUserIdentifier is null)
        {
            return AwsError.InvalidParameter(IdentityPoolMessages.LookupNeedsIdentityOrUser);
        }

        string identityId;
        if (request.DeveloperUserIdentifier is { } user)
        {
            if (await db.FindDeveloperLoginAsync(pool, user, ct) is not { } login)
            {
                return AwsError.ResourceNotFound(IdentityPoolMessages.DeveloperUserNotFound(user));
            }

            if (request.IdentityId is { } given)
            {
                return string.Equals(given, login.IdentityId, StringComparison.Ordinal)
                    ? AwsResult.Ok(new LookupDeveloperIdentityResponse { IdentityId = given, DeveloperUserIdentifierList = [user] })
                    : AwsError.ResourceConflict(IdentityPoolMessages.DeveloperUserOfAnotherIdentity(user, given));
            }

            identityId = login.IdentityId;
        }
        else if (await db.FindIdentityAsync(request.IdentityId!, ct) is { } identity && identity.PoolId == pool.Id)
        {
            // IdentityId is set: the branch above took the requests that have only a DeveloperUserIdentifier.
            identityId = identity.Id;
        }
        else
        {
            return AwsError.ResourceNotFound(IdentityPoolMessages.IdentityNotFound(request.IdentityId!));
        }

        return await PageAsync(pool, identityId, request, ct);
    }

    private async Task<AwsResult> PageAsync(
        IdentityPoolRecord pool, string identityId, LookupDeveloperIdentityInput request, CancellationToken ct)
    {
        var scope = $"LookupDeveloperIdentity {pool.Id} {identityId}";
        var provider = pool.DeveloperProviderName ?? "";
        var query = db.IdentityLogins.AsNoTracking()
            .Where(l => l.PoolId == pool.Id && l.IdentityId == identityId && l.Provider == provider);
        if (request.NextToken is { } token)
        {
            if (pageToken.Decode(token, scope, 1) is not [var after])
            {
                return AwsError.InvalidParameter(IdentityPoolMessages.InvalidNextToken);
            }

            query = query.Where(l => string.Compare(l.Subject, after) > 0);
        }

        var size = request.MaxResults ?? DefaultMaxResults;
        var page = await query.OrderBy(l => l.Subject).Select(l => l.Subject).Take(size + 1).ToListAsync(ct);
        var more = page.Count > size;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        return AwsResult.Ok(new LookupDeveloperIdentityResponse
        {
            IdentityId = identityId,
            DeveloperUserIdentifierList = page,
            NextToken = more ? pageToken.Encode(scope, page[^1]) : null,
        });
    }
}
