using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// <c>DeleteIdentityPool</c>: the pool goes with its identities and their logins (cascading foreign keys), so its
/// users can no longer get credentials from it. IAM roles it used stay: they belong to IAM.
/// </summary>
internal sealed class DeleteIdentityPool(AppDb db, ILogger<DeleteIdentityPool> logger)
    : IAwsHandler<DeleteIdentityPoolInput>
{
    public async Task<AwsResult> HandleAsync(DeleteIdentityPoolInput request, CancellationToken ct)
    {
        if (await db.FindIdentityPoolAsync(request.IdentityPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(IdentityPoolMessages.PoolNotFound(request.IdentityPoolId));
        }

        db.IdentityPools.Remove(pool);
        await db.SaveChangesAsync(ct);
        Log.PoolDeleted(logger, pool.Id);
        return AwsResult.Empty;
    }
}
