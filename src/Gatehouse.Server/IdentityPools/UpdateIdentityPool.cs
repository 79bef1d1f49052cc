using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// <c>UpdateIdentityPool</c> replaces the pool's settings as a whole, as Cognito does ("If you don't provide a value
/// for a parameter, Amazon Cognito sets it to its default value"): omitted providers are removed and an omitted
/// AllowClassicFlow is false. Two exceptions: DeveloperProviderName cannot change once set, so an omitted one keeps
/// the pool's and a different one is refused; and omitted IdentityPoolTags keep the pool's tags, which TagResource
/// and UntagResource own (given ones replace them). Roles, role mappings and principal-tag maps are not part of the
/// IdentityPool shape and stay as they are.
/// </summary>
internal sealed class UpdateIdentityPool(
    AppDb db, IdentityPoolProviderRules providerRules, TimeProvider clock, ILogger<UpdateIdentityPool> logger)
    : IAwsHandler<IdentityPool>
{
    public async Task<AwsResult> HandleAsync(IdentityPool request, CancellationToken ct)
    {
        if (await db.FindIdentityPoolAsync(request.IdentityPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(IdentityPoolMessages.PoolNotFound(request.IdentityPoolId));
        }

        if (pool.DeveloperProviderName is { } current && request.DeveloperProviderName is { } requested
            && !string.Equals(current, requested, StringComparison.Ordinal))
        {
            return AwsError.InvalidParameter(IdentityPoolMessages.DeveloperProviderNameFixed(current));
        }

        var providers = IdentityPoolView.Providers(request.SupportedLoginProviders, request.OpenIdConnectProviderARNs,
            request.CognitoIdentityProviders, request.SamlProviderARNs);
        if (providerRules.Check(providers) is { } providerError)
        {
            return providerError;
        }

        var tags = request.IdentityPoolTags is null ? null : IdentityPoolTagRules.Clean(request.IdentityPoolTags);
        if (tags is not null && IdentityPoolTagRules.Check(tags) is { } tagError)
        {
            return tagError;
        }

        pool.Name = request.IdentityPoolName;
        pool.AllowUnauthenticated = request.AllowUnauthenticatedIdentities;
        pool.AllowClassicFlow = request.AllowClassicFlow ?? false;
        pool.DeveloperProviderName ??= request.DeveloperProviderName;
        IdentityPoolSettings.SetProviders(pool, providers);
        if (tags is not null)
        {
            IdentityPoolSettings.SetTags(pool, tags);
        }

        pool.LastModifiedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        Log.PoolUpdated(logger, pool.Id);
        return AwsResult.Ok(IdentityPoolView.Describe(pool));
    }
}
