using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.UserPools;

internal sealed class DescribeResourceServer(AppDb db) : IAwsHandler<DescribeResourceServerRequest>
{
    public async Task<AwsResult> HandleAsync(DescribeResourceServerRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is null)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.PoolNotFound(request.UserPoolId));
        }

        return await ResourceServerScopes.FindAsync(db, request.UserPoolId, request.Identifier, ct) is { } server
            ? AwsResult.Ok(new DescribeResourceServerResponse { ResourceServer = ResourceServerScopes.Describe(server) })
            : AwsError.ResourceNotFound(UserPoolMessages.ResourceServerNotFound(request.Identifier));
    }
}
