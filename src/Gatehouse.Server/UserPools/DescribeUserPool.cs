using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.UserPools;

internal sealed class DescribeUserPool(AppDb db, UserPoolView view) : IAwsHandler<DescribeUserPoolRequest>
{
    public async Task<AwsResult> HandleAsync(DescribeUserPoolRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.PoolNotFound(request.UserPoolId));
        }

        return AwsResult.Ok(new DescribeUserPoolResponse { UserPool = await view.DescribeAsync(pool, ct) });
    }
}
