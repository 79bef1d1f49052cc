using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;

namespace Gatehouse.Server.Federation;

/// <summary><c>DescribeIdentityProvider</c>.</summary>
internal sealed class DescribeIdentityProvider(AppDb db, ProviderDetails store) : IAwsHandler<DescribeIdentityProviderRequest>
{
    public async Task<AwsResult> HandleAsync(DescribeIdentityProviderRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is null)
        {
            return AwsError.ResourceNotFound(FederationMessages.PoolNotFound(request.UserPoolId));
        }

        if (await ProviderLookup.FindAsync(db, request.UserPoolId, request.ProviderName, ct) is not { } provider)
        {
            return AwsError.ResourceNotFound(FederationMessages.ProviderNotFound(request.ProviderName));
        }

        return AwsResult.Ok(new DescribeIdentityProviderResponse
        {
            IdentityProvider = IdentityProviderView.Describe(provider, store.Read(provider)),
        });
    }
}
