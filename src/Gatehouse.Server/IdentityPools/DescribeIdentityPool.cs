using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.IdentityPools;

internal sealed class DescribeIdentityPool(AppDb db) : IAwsHandler<DescribeIdentityPoolInput>
{
    public async Task<AwsResult> HandleAsync(DescribeIdentityPoolInput request, CancellationToken ct)
    {
        if (await db.FindIdentityPoolAsync(request.IdentityPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(IdentityPoolMessages.PoolNotFound(request.IdentityPoolId));
        }

        return AwsResult.Ok(IdentityPoolView.Describe(pool));
    }
}
