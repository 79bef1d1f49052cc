using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Federation;

/// <summary>
/// <c>UpdateIdentityProvider</c>: the request's ProviderDetails are merged over the stored ones (so Apple's
/// <c>private_key</c>, which Describe never shows, survives a describe-edit-update round trip), then the type's rules
/// check and complete them again. A new <c>oidc_issuer</c> without new endpoints drops the endpoints discovered from
/// the old one. AttributeMapping and IdpIdentifiers, when given, replace the stored ones. Two updates racing on the
/// same provider: the second is a ConcurrentModificationException (the row's version).
/// </summary>
internal sealed class UpdateIdentityProvider(
    AppDb db, IdentityProviderChecks checks, ProviderDetails store, TimeProvider clock,
    ILogger<UpdateIdentityProvider> logger) : IAwsHandler<UpdateIdentityProviderRequest>
{
    private static readonly string[] DiscoveredKeys = ["authorize_url", "token_url", "jwks_uri", "attributes_url"];

    public async Task<AwsResult> HandleAsync(UpdateIdentityProviderRequest request, CancellationToken ct)
    {
        if (await PoolSettings.LoadAsync(db, request.UserPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(FederationMessages.PoolNotFound(request.UserPoolId));
        }

        if (await ProviderLookup.FindAsync(db, request.UserPoolId, request.ProviderName, ct) is not { } provider)
        {
            return AwsError.ResourceNotFound(FederationMessages.ProviderNotFound(request.ProviderName));
        }

        var mapping = ProviderDetails.ReadMapping(provider);
        if (request.AttributeMapping is { } requestedMapping
            && IdentityProviderChecks.CheckMapping(pool, provider.ProviderType, requestedMapping, out mapping) is { } mappingError)
        {
            return mappingError;
        }

        var identifiers = request.IdpIdentifiers?.ToList() ?? ProviderDetails.ReadIdentifiers(provider);
        if (await checks.CheckIdentifiersAsync(pool.Pool.Id, provider.ProviderName, identifiers, ct) is { } identifierError)
        {
            return identifierError;
        }

        var details = store.Read(provider);
        if (request.ProviderDetails is { } changes)
        {
            if (changes.TryGetValue("oidc_issuer", out var issuer) && issuer != details.GetValueOrDefault("oidc_issuer"))
            {
                foreach (var key in DiscoveredKeys.Where(k => !changes.ContainsKey(k)))
                {
                    details.Remove(key);
                }
            }

            foreach (var (key, value) in changes)
            {
                details[key] = value;
            }
        }

        var outcome = await checks.CompleteDetailsAsync(pool.Pool.Id, provider.ProviderName, provider.ProviderType, details, ct);
        if (outcome.Error is not null)
        {
            return outcome.Error;
        }

        store.Write(provider, outcome.Details!);
        ProviderDetails.WriteMapping(provider, mapping);
        ProviderDetails.WriteIdentifiers(provider, identifiers);
        provider.LastModifiedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return AwsError.ConcurrentModification(FederationMessages.ConcurrentUpdate);
        }

        Log.ProviderUpdated(logger, provider.ProviderName, provider.PoolId);
        return AwsResult.Ok(new UpdateIdentityProviderResponse
        {
            IdentityProvider = IdentityProviderView.Describe(provider, outcome.Details!),
        });
    }
}
