using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.UserPools;

/// <summary>
/// Replaces an app client's configuration: omitted settings return to their defaults (the operation's
/// documentation); the name stays when omitted and the secret always stays.
/// </summary>
internal sealed class UpdateUserPoolClient(
    AppDb db, SecretProtector protector, TimeProvider clock, ILogger<UpdateUserPoolClient> logger)
    : IAwsHandler<UpdateUserPoolClientRequest>
{
    public async Task<AwsResult> HandleAsync(UpdateUserPoolClientRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.PoolNotFound(request.UserPoolId));
        }

        if (await db.FindClientAsync(pool.Id, request.ClientId, ct) is not { } client)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.ClientNotFound(request.ClientId));
        }

        var requested = new UserPoolClientType
        {
            RefreshTokenValidity = request.RefreshTokenValidity,
            AccessTokenValidity = request.AccessTokenValidity,
            IdTokenValidity = request.IdTokenValidity,
            TokenValidityUnits = request.TokenValidityUnits,
            ReadAttributes = request.ReadAttributes,
            WriteAttributes = request.WriteAttributes,
            ExplicitAuthFlows = request.ExplicitAuthFlows,
            SupportedIdentityProviders = request.SupportedIdentityProviders,
            CallbackURLs = request.CallbackURLs,
            LogoutURLs = request.LogoutURLs,
            DefaultRedirectURI = request.DefaultRedirectURI,
            AllowedOAuthFlows = request.AllowedOAuthFlows,
            AllowedOAuthScopes = request.AllowedOAuthScopes,
            AllowedOAuthFlowsUserPoolClient = request.AllowedOAuthFlowsUserPoolClient,
            AnalyticsConfiguration = request.AnalyticsConfiguration,
            PreventUserExistenceErrors = request.PreventUserExistenceErrors,
            EnableTokenRevocation = request.EnableTokenRevocation,
            EnablePropagateAdditionalUserContextData = request.EnablePropagateAdditionalUserContextData,
            AuthSessionValidity = request.AuthSessionValidity,
            RefreshTokenRotation = request.RefreshTokenRotation,
        };
        var hasSecret = client.SecretProtected is not null;
        var customScopes = await ResourceServerScopes.LoadAsync(db, pool.Id, ct);
        var providerNames = (await db.IdentityProviders.AsNoTracking().Where(p => p.PoolId == pool.Id)
            .Select(p => p.ProviderName).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        if (AppClientConfig.Resolve(
                requested, hasSecret, pool.Id, UserPoolSettings.Read(pool), customScopes, providerNames, "updating", out var settings)
            is { } error)
        {
            return error;
        }

        client.ClientName = request.ClientName ?? client.ClientName;
        client.Settings = UserPoolSettings.WriteClient(settings);
        client.LastModifiedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return AwsError.ConcurrentModification(UserPoolMessages.ConcurrentUpdate);
        }

        Log.ClientUpdated(logger, pool.Id, client.ClientId);
        var secret = AppClientSecret.Reveal(protector, client);
        return AwsResult.Ok(new UpdateUserPoolClientResponse { UserPoolClient = UserPoolView.DescribeClient(client, secret) });
    }
}
