using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// <c>UnlinkDeveloperIdentity</c>: removes a developer user's login from its identity, so that user is a new identity
/// the next time it is seen. An identity left with no logins is disabled (<see cref="IdentityStatus"/>). A user
/// linked to another identity is a ResourceConflictException ("a login which is already linked to another account").
/// </summary>
internal sealed class UnlinkDeveloperIdentity(AppDb db, TimeProvider clock, ILogger<UnlinkDeveloperIdentity> logger)
    : IAwsHandler<UnlinkDeveloperIdentityInput>
{
    public async Task<AwsResult> HandleAsync(UnlinkDeveloperIdentityInput request, CancellationToken ct)
    {
        if (await db.FindIdentityPoolAsync(request.IdentityPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(IdentityPoolMessages.PoolNotFound(request.IdentityPoolId));
        }

        if (!string.Equals(pool.DeveloperProviderName, request.DeveloperProviderName, StringComparison.Ordinal))
        {
            return AwsError.InvalidParameter(IdentityPoolMessages.DeveloperProviderMismatch(request.DeveloperProviderName));
        }

        if (await db.FindIdentityAsync(request.IdentityId, ct) is not { } identity || identity.PoolId != pool.Id)
        {
            return AwsError.ResourceNotFound(IdentityPoolMessages.IdentityNotFound(request.IdentityId));
        }

        if (await db.FindDeveloperLoginAsync(pool, request.DeveloperUserIdentifier, ct) is not { } login)
        {
            return AwsError.ResourceNotFound(IdentityPoolMessages.DeveloperUserNotFound(request.DeveloperUserIdentifier));
        }

        if (!string.Equals(login.IdentityId, identity.Id, StringComparison.Ordinal))
        {
            return AwsError.ResourceConflict(
                IdentityPoolMessages.DeveloperUserOfAnotherIdentity(request.DeveloperUserIdentifier, identity.Id));
        }

        db.IdentityLogins.Remove(login);
        IdentityStatus.Touch(identity, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        Log.DeveloperIdentityUnlinked(logger, pool.Id, identity.Id);
        return AwsResult.Empty;
    }
}
