using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.IdentityPools;

/// <summary><c>UntagResource</c>: removes the given keys from a pool's tags; keys it does not have are ignored.</summary>
internal sealed class UntagResource(AppDb db, IdentityPoolArnLookup pools, TimeProvider clock)
    : IAwsHandler<UntagResourceInput>
{
    public async Task<AwsResult> HandleAsync(UntagResourceInput request, CancellationToken ct)
    {
        if (await pools.FindAsync(request.ResourceArn, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(IdentityPoolMessages.ResourceNotFound(request.ResourceArn));
        }

        var tags = IdentityPoolSettings.Tags(pool);
        foreach (var key in request.TagKeys.OfType<string>())
        {
            tags.Remove(key);
        }

        IdentityPoolSettings.SetTags(pool, tags);
        pool.LastModifiedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return AwsResult.Ok(new UntagResourceResponse());
    }
}
