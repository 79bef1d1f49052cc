using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.UserPools;

internal sealed class CreateUserPoolClient(
    AppDb db, SecretProtector protector, TimeProvider clock, ILogger<CreateUserPoolClient> logger)
    : IAwsHandler<CreateUserPoolClientRequest>
{
    public async Task<AwsResult> HandleAsync(CreateUserPoolClientRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.PoolNotFound(request.UserPoolId));
        }

        var hasSecret = request.GenerateSecret == true;
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
        var customScopes = await ResourceServerScopes.LoadAsync(db, pool.Id, ct);
        var providerNames = (await db.IdentityProviders.AsNoTracking().Where(p => p.PoolId == pool.Id)
            .Select(p => p.ProviderName).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        if (AppClientConfig.Resolve(
                requested, hasSecret, pool.Id, UserPoolSettings.Read(pool), customScopes, providerNames, "creating", out var settings)
            is { } error)
        {
            return error;
        }

        var secret = hasSecret ? UserPoolIds.NewClientSecret() : null;
        var now = clock.GetUtcNow();
        var client = new AppClient
        {
            ClientId = UserPoolIds.NewClientId(),
            PoolId = pool.Id,
            ClientName = request.ClientName,
            SecretProtected = secret is null ? null : protector.Protect(AppClientSecret.Purpose, secret),
            CreatedAt = now,
            LastModifiedAt = now,
            Settings = UserPoolSettings.WriteClient(settings),
        };
        db.AppClients.Add(client);
        await db.SaveChangesAsync(ct);
        Log.ClientCreated(logger, pool.Id, client.ClientId);
        return AwsResult.Ok(new CreateUserPoolClientResponse { UserPoolClient = UserPoolView.DescribeClient(client, secret) });
    }
}
