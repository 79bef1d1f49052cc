using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Federation;

/// <summary>
/// <c>CreateIdentityProvider</c>: the name per type, the mapping and identifiers, then the type's rules complete the
/// details (an OIDC issuer's discovery, SAML metadata); nothing is stored unless every check passes. At most
/// <see cref="MaxPerPool"/> providers per pool.
/// </summary>
internal sealed class CreateIdentityProvider(
    AppDb db, IdentityProviderChecks checks, ProviderDetails store, TimeProvider clock,
    ILogger<CreateIdentityProvider> logger) : IAwsHandler<CreateIdentityProviderRequest>
{
    public const int MaxPerPool = 300;

    public async Task<AwsResult> HandleAsync(CreateIdentityProviderRequest request, CancellationToken ct)
    {
        if (await PoolSettings.LoadAsync(db, request.UserPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(FederationMessages.PoolNotFound(request.UserPoolId));
        }

        var identifiers = request.IdpIdentifiers?.ToList() ?? [];
        if (IdentityProviderChecks.CheckName(request.ProviderName, request.ProviderType) is { } nameError)
        {
            return nameError;
        }

        if (IdentityProviderChecks.CheckMapping(pool, request.ProviderType, request.AttributeMapping, out var mapping)
            is { } mappingError)
        {
            return mappingError;
        }

        if (await db.IdentityProviders.AnyAsync(p => p.PoolId == pool.Pool.Id && p.ProviderName == request.ProviderName, ct))
        {
            return AwsError.DuplicateProvider(FederationMessages.ProviderExists(request.ProviderName));
        }

        if (await checks.CheckIdentifiersAsync(pool.Pool.Id, request.ProviderName, identifiers, ct) is { } identifierError)
        {
            return identifierError;
        }

        if (await db.IdentityProviders.CountAsync(p => p.PoolId == pool.Pool.Id, ct) >= MaxPerPool)
        {
            return AwsError.LimitExceeded(FederationMessages.ProviderLimit(MaxPerPool));
        }

        var outcome = await checks.CompleteDetailsAsync(pool.Pool.Id, request.ProviderName, request.ProviderType,
            new Dictionary<string, string>(request.ProviderDetails, StringComparer.Ordinal), ct);
        if (outcome.Error is not null)
        {
            return outcome.Error;
        }

        var now = clock.GetUtcNow();
        var provider = new IdentityProvider
        {
            PoolId = pool.Pool.Id,
            ProviderName = request.ProviderName,
            ProviderType = request.ProviderType,
            DetailsProtected = "",
            CreatedAt = now,
            LastModifiedAt = now,
        };
        store.Write(provider, outcome.Details!);
        ProviderDetails.WriteMapping(provider, mapping);
        ProviderDetails.WriteIdentifiers(provider, identifiers);
        db.IdentityProviders.Add(provider);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // A concurrent CreateIdentityProvider of the same name won the race.
            return AwsError.DuplicateProvider(FederationMessages.ProviderExists(request.ProviderName));
        }

        Log.ProviderCreated(logger, provider.ProviderName, provider.ProviderType, provider.PoolId);
        return AwsResult.Ok(new CreateIdentityProviderResponse
        {
            IdentityProvider = IdentityProviderView.Describe(provider, outcome.Details!),
        });
    }
}
