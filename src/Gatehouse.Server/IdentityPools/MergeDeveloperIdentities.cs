using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// <c>MergeDeveloperIdentities</c>: the source user's identity joins the destination user's. Its logins (the source
/// developer user's and any others it had) move to the destination identity, and the emptied source identity is
/// deleted; the answer is the destination's IdentityId. Refused, as documented, when both identities have a login of
/// the same public provider as two different users (ResourceConflictException) and when they would have more than
/// <see cref="MaxLogins"/> logins together.
/// </summary>
internal sealed class MergeDeveloperIdentities(AppDb db, TimeProvider clock, ILogger<MergeDeveloperIdentities> logger)
    : IAwsHandler<MergeDeveloperIdentitiesInput>
{
    /// <summary>MergeDeveloperIdentities: "The number of linked logins is limited to 20."</summary>
    public const int MaxLogins = 20;

    public async Task<AwsResult> HandleAsync(MergeDeveloperIdentitiesInput request, CancellationToken ct)
    {
        if (await db.FindIdentityPoolAsync(request.IdentityPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(IdentityPoolMessages.PoolNotFound(request.IdentityPoolId));
        }

        if (!string.Equals(pool.DeveloperProviderName, request.DeveloperProviderName, StringComparison.Ordinal))
        {
            return AwsError.InvalidParameter(IdentityPoolMessages.DeveloperProviderMismatch(request.DeveloperProviderName));
        }

        if (await db.FindDeveloperLoginAsync(pool, request.SourceUserIdentifier, ct) is not { } source)
        {
            return AwsError.ResourceNotFound(IdentityPoolMessages.DeveloperUserNotFound(request.SourceUserIdentifier));
        }

        if (await db.FindDeveloperLoginAsync(pool, request.DestinationUserIdentifier, ct) is not { } destination)
        {
            return AwsError.ResourceNotFound(IdentityPoolMessages.DeveloperUserNotFound(request.DestinationUserIdentifier));
        }

        if (string.Equals(source.IdentityId, destination.IdentityId, StringComparison.Ordinal))
        {
            return AwsResult.Ok(new MergeDeveloperIdentitiesResponse { IdentityId = destination.IdentityId });
        }

        var moving = await db.IdentityLogins.Where(l => l.IdentityId == source.IdentityId).ToListAsync(ct);
        var staying = await db.IdentityLogins.AsNoTracking().Where(l => l.IdentityId == destination.IdentityId).ToListAsync(ct);
        if (RejectSameProviderTwice(moving, staying, pool.DeveloperProviderName!) is { } conflict)
        {
            return conflict;
        }

        if (moving.Count + staying.Count > MaxLogins)
        {
            return AwsError.InvalidParameter(IdentityPoolMessages.TooManyLogins(MaxLogins));
        }

        // Found above: both logins point at identities of this pool (the foreign key holds them).
        var emptied = (await db.FindIdentityAsync(source.IdentityId, ct))!;
        var merged = (await db.FindIdentityAsync(destination.IdentityId, ct))!;
        foreach (var login in moving)
        {
            login.IdentityId = merged.Id;
        }

        IdentityStatus.Touch(merged, clock.GetUtcNow());
        // The logins must point at the destination before the source goes, or the cascade would take them with it.
        db.ChangeTracker.DetectChanges();
        db.Identities.Remove(emptied);
        await db.SaveChangesAsync(ct);
        Log.DeveloperIdentitiesMerged(logger, pool.Id, emptied.Id, merged.Id);
        return AwsResult.Ok(new MergeDeveloperIdentitiesResponse { IdentityId = merged.Id });
    }

    /// <summary>A public provider (anything but the developer provider) linked on both sides, necessarily as two users.</summary>
    private static AwsError? RejectSameProviderTwice(
        List<IdentityLogin> moving, List<IdentityLogin> staying, string developerProvider)
    {
        var stayingProviders = staying.Select(l => l.Provider).ToHashSet(StringComparer.Ordinal);
        return moving.FirstOrDefault(l => !string.Equals(l.Provider, developerProvider, StringComparison.Ordinal)
                && stayingProviders.Contains(l.Provider)) is { } twice
            ? AwsError.ResourceConflict(IdentityPoolMessages.SameProviderOnBoth(twice.Provider))
            : null;
    }
}
