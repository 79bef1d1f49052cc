using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// <c>CreateIdentityPool</c>: name, pattern and list lengths are checked by the model, the providers by
/// <see cref="IdentityPoolProviderRules"/>, the tags by <see cref="IdentityPoolTagRules"/>. Tags given here come back in
/// <c>IdentityPoolTags</c>.
/// </summary>
internal sealed class CreateIdentityPool(
    AppDb db,
    IdentityPoolProviderRules providerRules,
    TimeProvider clock,
    IOptions<InstanceOptions> instance,
    ILogger<CreateIdentityPool> logger) : IAwsHandler<CreateIdentityPoolInput>
{
    /// <summary>Cognito's quota "Identity pools per account" (Amazon Cognito quotas page).</summary>
    public const int MaxPoolsPerAccount = 1000;

    public async Task<AwsResult> HandleAsync(CreateIdentityPoolInput request, CancellationToken ct)
    {
        var providers = IdentityPoolView.Providers(request.SupportedLoginProviders, request.OpenIdConnectProviderARNs,
            request.CognitoIdentityProviders, request.SamlProviderARNs);
        if (providerRules.Check(providers) is { } providerError)
        {
            return providerError;
        }

        var tags = IdentityPoolTagRules.Clean(request.IdentityPoolTags);
        if (IdentityPoolTagRules.Check(tags) is { } tagError)
        {
            return tagError;
        }

        if (await db.IdentityPools.CountAsync(ct) >= MaxPoolsPerAccount)
        {
            return AwsError.LimitExceeded(IdentityPoolMessages.PoolLimit(MaxPoolsPerAccount));
        }

        var now = clock.GetUtcNow();
        var pool = new IdentityPoolRecord
        {
            Id = IdentityPoolIds.NewPoolId(instance.Value.Region),
            Name = request.IdentityPoolName,
            AllowUnauthenticated = request.AllowUnauthenticatedIdentities,
            AllowClassicFlow = request.AllowClassicFlow ?? false,
            DeveloperProviderName = request.DeveloperProviderName,
            CreatedAt = now,
            LastModifiedAt = now,
        };
        IdentityPoolSettings.SetProviders(pool, providers);
        IdentityPoolSettings.SetTags(pool, tags);
        db.IdentityPools.Add(pool);
        await db.SaveChangesAsync(ct);
        Log.PoolCreated(logger, pool.Id);
        return AwsResult.Ok(IdentityPoolView.Describe(pool));
    }
}
