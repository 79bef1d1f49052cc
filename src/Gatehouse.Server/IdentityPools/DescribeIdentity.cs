using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.IdentityPools;

internal sealed class DescribeIdentity(AppDb db) : IAwsHandler<DescribeIdentityInput>
{
    public async Task<AwsResult> HandleAsync(DescribeIdentityInput request, CancellationToken ct)
    {
        if (await db.FindIdentityAsync(request.IdentityId, ct) is not { } identity)
        {
            return AwsError.ResourceNotFound(IdentityPoolMessages.IdentityNotFound(request.IdentityId));
        }

        return AwsResult.Ok(IdentityView.Describe(identity, await db.LoginProvidersAsync(identity.Id, ct)));
    }
}
