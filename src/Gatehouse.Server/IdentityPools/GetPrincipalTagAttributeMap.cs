using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// <c>GetPrincipalTagAttributeMap</c>: the provider's map as set, or, when none is (attributes for access control
/// off, the console's "Inactive"), <c>UseDefaults: false</c> and no tags.
/// </summary>
internal sealed class GetPrincipalTagAttributeMap(AppDb db, IOptions<InstanceOptions> instance)
    : IAwsHandler<GetPrincipalTagAttributeMapInput>
{
    public async Task<AwsResult> HandleAsync(GetPrincipalTagAttributeMapInput request, CancellationToken ct)
    {
        if (await db.FindIdentityPoolAsync(request.IdentityPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(IdentityPoolMessages.PoolNotFound(request.IdentityPoolId));
        }

        var provider = request.IdentityProviderName;
        if (!IdentityPoolLoginProviders.LoginNames(IdentityPoolSettings.Providers(pool), instance.Value.AccountId)
                .Contains(provider))
        {
            return AwsError.InvalidParameter(IdentityPoolMessages.ProviderNotInPool(provider, pool.Id));
        }

        var map = IdentityPoolSettings.PrincipalTags(pool).GetValueOrDefault(provider);
        return AwsResult.Ok(new GetPrincipalTagAttributeMapResponse
        {
            IdentityPoolId = pool.Id,
            IdentityProviderName = provider,
            UseDefaults = map?.UseDefaults ?? false,
            PrincipalTags = map?.PrincipalTags ?? new Dictionary<string, string>(),
        });
    }
}
