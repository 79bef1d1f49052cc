using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// <c>DeleteIdentities</c>: deletes 1..60 identities (the model checks the count) with their logins, whichever pool
/// they are in. An id that names no identity comes back in UnprocessedIdentityIds with ErrorCode
/// <c>AccessDenied</c>, one of the two codes the model's ErrorCode enum has (the other, InternalServerError, is for
/// a failure, which here fails the whole request instead); the rest are deleted.
/// </summary>
internal sealed class DeleteIdentities(AppDb db, ILogger<DeleteIdentities> logger) : IAwsHandler<DeleteIdentitiesInput>
{
    public const string AccessDenied = "AccessDenied";

    public async Task<AwsResult> HandleAsync(DeleteIdentitiesInput request, CancellationToken ct)
    {
        var ids = request.IdentityIdsToDelete.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var identities = await db.Identities.Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        var found = identities.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        db.Identities.RemoveRange(identities);
        await db.SaveChangesAsync(ct);
        Log.IdentitiesDeleted(logger, identities.Count);
        return AwsResult.Ok(new DeleteIdentitiesResponse
        {
            UnprocessedIdentityIds = [.. ids.Where(id => !found.Contains(id))
                .Select(id => new UnprocessedIdentityId { IdentityId = id, ErrorCode = AccessDenied })],
        });
    }
}
