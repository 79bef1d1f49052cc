using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Federation;

/// <summary>
/// <c>AdminDisableProviderForUser</c> (User: a provider of the pool, <c>Cognito_Subject</c>, the upstream subject):
/// an identity linked to an existing user is unlinked (its next sign-in makes a user of its own) and the user's
/// <c>identities</c> attribute drops it; an identity that signs in as its own federated user disables that user, so
/// it can no longer sign in through the provider. Turning off a native user's password sign-in (ProviderName
/// <c>Cognito</c>) is not supported: InvalidParameterException says so; AdminDisableUser disables the whole user.
/// </summary>
internal sealed class AdminDisableProviderForUser(AppDb db, TimeProvider clock, ILogger<AdminDisableProviderForUser> logger)
    : IAwsHandler<AdminDisableProviderForUserRequest>
{
    public async Task<AwsResult> HandleAsync(AdminDisableProviderForUserRequest request, CancellationToken ct)
    {
        if (await PoolSettings.LoadAsync(db, request.UserPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(FederationMessages.PoolNotFound(request.UserPoolId));
        }

        if (request.User.ProviderName is not { } providerName || request.User.ProviderAttributeName is not { } attributeName
            || request.User.ProviderAttributeValue is not { Length: > 0 } subject)
        {
            return AwsError.InvalidParameter(FederationMessages.MissingProviderAttribute);
        }

        if (string.Equals(providerName, LinkedIdentities.CognitoProvider, StringComparison.OrdinalIgnoreCase))
        {
            return AwsError.InvalidParameter(FederationMessages.NativeDisableUnsupported);
        }

        if (attributeName != LinkedIdentities.CognitoSubject)
        {
            return AwsError.InvalidParameter(FederationMessages.OnlySubjectLinks);
        }

        var identity = await db.FederatedIdentities.FirstOrDefaultAsync(
            i => i.PoolId == pool.Pool.Id && i.ProviderName == providerName && i.ProviderUserId == subject, ct);
        if (identity is null || await db.Users.FirstOrDefaultAsync(u => u.Id == identity.UserId, ct) is not { } user)
        {
            return AwsError.UserNotFound(FederationMessages.IdentityNotFound);
        }

        var now = clock.GetUtcNow();
        if (!identity.Linked)
        {
            user.Enabled = false;
            user.LastModifiedAt = now;
            await db.SaveChangesAsync(ct);
            Log.FederatedUserDisabled(logger, user.Sub, providerName, pool.Pool.Id);
            return AwsResult.Empty;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.FederatedIdentities.Remove(identity);
        await db.SaveChangesAsync(ct);
        await LinkedIdentities.RefreshAsync(db, pool, user, now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Log.ProviderUnlinked(logger, providerName, user.Sub, pool.Pool.Id);
        return AwsResult.Empty;
    }
}
