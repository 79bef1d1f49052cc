using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.UserPools;

internal sealed class GetUserPoolMfaConfig(AppDb db) : IAwsHandler<GetUserPoolMfaConfigRequest>
{
    public async Task<AwsResult> HandleAsync(GetUserPoolMfaConfigRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.PoolNotFound(request.UserPoolId));
        }

        return AwsResult.Ok(UserPoolSettings.ReadMfa(pool));
    }
}
