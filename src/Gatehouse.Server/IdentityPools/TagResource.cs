using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.IdentityPools;

/// <summary><c>TagResource</c>: adds tags to a pool, replacing the values of keys it already has (at most 50 in all).</summary>
internal sealed class TagResource(AppDb db, IdentityPoolArnLookup pools, TimeProvider clock) : IAwsHandler<TagResourceInput>
{
    public async Task<AwsResult> HandleAsync(TagResourceInput request, CancellationToken ct)
    {
        if (await pools.FindAsync(request.ResourceArn, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(IdentityPoolMessages.ResourceNotFound(request.ResourceArn));
        }

        var tags = IdentityPoolSettings.Tags(pool);
        foreach (var (key, value) in IdentityPoolTagRules.Clean(request.Tags))
        {
            tags[key] = value;
        }

        if (IdentityPoolTagRules.Check(tags) is { } error)
        {
            return error;
        }

        IdentityPoolSettings.SetTags(pool, tags);
        pool.LastModifiedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return AwsResult.Ok(new TagResourceResponse());
    }
}
