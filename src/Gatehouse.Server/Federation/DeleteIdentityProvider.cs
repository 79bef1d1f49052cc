using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Federation;

/// <summary>
/// <c>DeleteIdentityProvider</c>: users can no longer sign in through it. Its users stay (Cognito keeps them; an
/// admin deletes them like any user), and so do identities linked to native users, which sign in again if a provider
/// of the same name comes back. App clients stop listing it in SupportedIdentityProviders, so a later
/// UpdateUserPoolClient that sends its settings back does not fail on a provider that is gone.
/// </summary>
internal sealed class DeleteIdentityProvider(AppDb db, ILogger<DeleteIdentityProvider> logger)
    : IAwsHandler<DeleteIdentityProviderRequest>
{
    public async Task<AwsResult> HandleAsync(DeleteIdentityProviderRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is null)
        {
            return AwsError.ResourceNotFound(FederationMessages.PoolNotFound(request.UserPoolId));
        }

        if (await ProviderLookup.FindAsync(db, request.UserPoolId, request.ProviderName, ct) is not { } provider)
        {
            return AwsError.ResourceNotFound(FederationMessages.ProviderNotFound(request.ProviderName));
        }

        var clients = await db.AppClients.Where(c => c.PoolId == request.UserPoolId).ToListAsync(ct);
        foreach (var client in clients)
        {
            var settings = UserPoolSettings.ReadClient(client);
            if (settings.SupportedIdentityProviders is { } names && names.Contains(provider.ProviderName, StringComparer.Ordinal))
            {
                client.Settings = UserPoolSettings.WriteClient(settings with
                {
                    SupportedIdentityProviders = [.. names.Where(n => n != provider.ProviderName)],
                });
            }
        }

        db.IdentityProviders.Remove(provider);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return AwsError.ConcurrentModification(FederationMessages.ConcurrentUpdate);
        }

        Log.ProviderDeleted(logger, provider.ProviderName, provider.PoolId);
        return AwsResult.Empty;
    }
}
