using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;

namespace Gatehouse.Server.IdentityPools;

/// <summary><c>ListTagsForResource</c>: a pool's tags, <c>{}</c> when it has none.</summary>
internal sealed class ListTagsForResource(IdentityPoolArnLookup pools) : IAwsHandler<ListTagsForResourceInput>
{
    public async Task<AwsResult> HandleAsync(ListTagsForResourceInput request, CancellationToken ct)
    {
        if (await pools.FindAsync(request.ResourceArn, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(IdentityPoolMessages.ResourceNotFound(request.ResourceArn));
        }

        return AwsResult.Ok(new ListTagsForResourceResponse { Tags = IdentityPoolSettings.Tags(pool) });
    }
}
