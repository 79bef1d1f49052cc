using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// <c>UnlinkIdentity</c> (unsigned): removes logins from an identity. The caller proves it is the identity with the
/// current tokens of its logins (every presented login must be one of the identity's). "Unlinked logins will be
/// considered new identities next time they are seen. Removing the last linked login will make this identity
/// inaccessible" (API reference): the identity stays, without logins, and <see cref="IdentityStatus"/> reads it as
/// disabled. A developer user is unlinked with UnlinkDeveloperIdentity instead.
/// </summary>
internal sealed class UnlinkIdentity(AppDb db, LoginVerifier verifier, TimeProvider clock, ILogger<UnlinkIdentity> logger)
    : IAwsHandler<UnlinkIdentityInput>
{
    public async Task<AwsResult> HandleAsync(UnlinkIdentityInput request, CancellationToken ct)
    {
        if (await db.FindIdentityAsync(request.IdentityId, ct) is not { } identity
            || await db.FindIdentityPoolAsync(identity.PoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(IdentityPoolMessages.IdentityNotFound(request.IdentityId));
        }

        var (logins, error) = await verifier.VerifyAsync(pool, request.Logins, ct);
        if (error is not null)
        {
            return error;
        }

        var linked = await db.IdentityLogins.Where(l => l.IdentityId == identity.Id).ToListAsync(ct);
        // Not null: VerifyAsync returns logins whenever it returns no error.
        if (RejectForeignLogins(identity, linked, logins!) is { } refused)
        {
            return refused;
        }

        var removing = new List<IdentityLogin>();
        foreach (var provider in request.LoginsToRemove.Distinct(StringComparer.Ordinal))
        {
            if (string.Equals(provider, pool.DeveloperProviderName, StringComparison.Ordinal))
            {
                return AwsError.InvalidParameter(SignInMessages.DeveloperLoginNotUnlinkable(provider));
            }

            if (linked.FirstOrDefault(l => string.Equals(l.Provider, provider, StringComparison.Ordinal)) is not { } row)
            {
                return AwsError.InvalidParameter(SignInMessages.NotLinked(provider));
            }

            removing.Add(row);
        }

        db.IdentityLogins.RemoveRange(removing);
        IdentityStatus.Touch(identity, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        Log.LoginsUnlinked(logger, pool.Id, identity.Id, removing.Count);
        return AwsResult.Empty;
    }

    /// <summary>No logins, or one that is not this identity's: the caller has not shown it is the identity.</summary>
    private static AwsError? RejectForeignLogins(Identity identity, List<IdentityLogin> linked, List<VerifiedLogin> logins)
    {
        if (logins.Count == 0)
        {
            return AwsError.NotAuthorized(SignInMessages.LoginsRequired);
        }

        foreach (var login in logins)
        {
            var ours = login.IdentityId is { } direct
                ? string.Equals(direct, identity.Id, StringComparison.Ordinal)
                : linked.Any(l => string.Equals(l.Provider, login.Provider, StringComparison.Ordinal)
                    && string.Equals(l.Subject, login.Subject, StringComparison.Ordinal));
            if (!ours)
            {
                return AwsError.NotAuthorized(SignInMessages.LoginOfAnotherIdentity(login.Provider));
            }
        }

        return null;
    }
}
