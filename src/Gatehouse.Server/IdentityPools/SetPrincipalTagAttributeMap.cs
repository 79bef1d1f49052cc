using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// <c>SetPrincipalTagAttributeMap</c>: the principal tags (attributes for access control) of one of the pool's
/// providers, named as its Logins map keys it. <c>UseDefaults: true</c> selects <see cref="PrincipalTagDefaults"/>
/// (and any PrincipalTags sent with it are not used); custom PrincipalTags replace the provider's map; neither turns
/// attributes for access control off for that provider.
/// </summary>
internal sealed class SetPrincipalTagAttributeMap(
    AppDb db, TimeProvider clock, IOptions<InstanceOptions> instance, ILogger<SetPrincipalTagAttributeMap> logger)
    : IAwsHandler<SetPrincipalTagAttributeMapInput>
{
    public async Task<AwsResult> HandleAsync(SetPrincipalTagAttributeMapInput request, CancellationToken ct)
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

        var useDefaults = request.UseDefaults ?? false;
        var tags = useDefaults ? PrincipalTagDefaults.For(provider) : IdentityPoolTagRules.Clean(request.PrincipalTags);
        var maps = IdentityPoolSettings.PrincipalTags(pool);
        if (useDefaults || tags.Count > 0)
        {
            maps[provider] = new PrincipalTagMapping { UseDefaults = useDefaults, PrincipalTags = tags };
        }
        else
        {
            maps.Remove(provider);
        }

        IdentityPoolSettings.SetPrincipalTags(pool, maps);
        pool.LastModifiedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        Log.PrincipalTagsSet(logger, pool.Id, provider, useDefaults, tags.Count);
        return AwsResult.Ok(new SetPrincipalTagAttributeMapResponse
        {
            IdentityPoolId = pool.Id,
            IdentityProviderName = provider,
            UseDefaults = useDefaults,
            PrincipalTags = tags,
        });
    }
}
