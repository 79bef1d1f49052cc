using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// Finds, creates, links and merges identities for verified logins. One login belongs to one identity of a pool:
/// the key (pool, provider, subject) of <see cref="IdentityLogin"/> is unique, so when two nodes link the same login
/// at once one insert fails, and the loser re-reads and answers the winner's identity. Logins of two identities
/// presented together merge into the older identity (its logins stay, the other's move, the emptied identity is
/// deleted, as MergeDeveloperIdentities does), unless both have a login of one provider as different users:
/// ResourceConflictException ("a login which is already linked to another account").
/// </summary>
internal sealed class IdentityLinker(
    AppDb db, TimeProvider clock, IOptions<InstanceOptions> instance, ILogger<IdentityLinker> logger)
{
    private const int Attempts = 4;

    /// <summary>A new guest identity (GetId without logins).</summary>
    public async Task<Identity> CreateGuestAsync(IdentityPoolRecord pool, CancellationToken ct)
    {
        var identity = NewIdentity(pool);
        db.Identities.Add(identity);
        await db.SaveChangesAsync(ct);
        Log.IdentityCreated(logger, pool.Id, identity.Id, 0);
        return identity;
    }

    /// <summary>The identity of these logins (GetId): found, merged or created, with every login linked to it.</summary>
    public async Task<(Identity? Identity, AwsError? Error)> ResolveAsync(
        IdentityPoolRecord pool, IReadOnlyList<VerifiedLogin> logins, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ResolveOnceAsync(pool, logins, ct);
            }
            catch (DbUpdateException ex) when (db.IsUniqueViolation(ex) && attempt < Attempts)
            {
                // Another request linked one of these logins first: read again and join its identity.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Checks that the logins may act for <paramref name="identity"/>, changing nothing; <see cref="LinkNewAsync"/>
    /// then links the new ones. Refused: a login of another identity (hijack); an identity with logins when none of
    /// them is presented (unless <paramref name="trusted"/>, a SigV4 developer call); a disabled identity; a guest
    /// where guests are off.
    /// </summary>
    public async Task<(IdentityAccess? Access, AwsError? Error)> CheckAccessAsync(
        IdentityPoolRecord pool, Identity identity, IReadOnlyList<VerifiedLogin> logins, bool trusted, CancellationToken ct)
    {
        var linked = await db.IdentityLogins.Where(l => l.IdentityId == identity.Id).ToListAsync(ct);
        if (IdentityStatus.IsDisabled(identity, linked.Count))
        {
            return (null, AwsError.NotAuthorized(SignInMessages.IdentityDisabled(identity.Id)));
        }

        if (logins.Count == 0)
        {
            return linked.Count > 0 ? (null, AwsError.NotAuthorized(SignInMessages.LoginsRequired))
                : pool.AllowUnauthenticated ? (new IdentityAccess(identity, linked, []), null)
                : (null, AwsError.NotAuthorized(SignInMessages.GuestsNotAllowed));
        }

        var owned = false;
        var fresh = new List<VerifiedLogin>();
        foreach (var login in logins)
        {
            var identityOfLogin = login.IdentityId ?? (await FindLoginAsync(pool.Id, login, ct))?.IdentityId;
            if (identityOfLogin is null)
            {
                fresh.Add(login);
            }
            else if (string.Equals(identityOfLogin, identity.Id, StringComparison.Ordinal))
            {
                owned = true;
            }
            else
            {
                // security-suite row 66: another identity's login cannot act for this one.
                return (null, AwsError.NotAuthorized(SignInMessages.LoginOfAnotherIdentity(login.Provider)));
            }
        }

        if (linked.Count > 0 && !owned && !trusted)
        {
            return (null, AwsError.NotAuthorized(SignInMessages.LoginsRequired));
        }

        if (fresh.FirstOrDefault(f => linked.Any(l => string.Equals(l.Provider, f.Provider, StringComparison.Ordinal)))
            is { } sameProvider)
        {
            return (null, AwsError.ResourceConflict(SignInMessages.LoginAlreadyLinked(sameProvider.Provider)));
        }

        return (new IdentityAccess(identity, linked, fresh), null);
    }

    /// <summary>Links the logins <see cref="CheckAccessAsync"/> found new; a concurrent link elsewhere is refused.</summary>
    public async Task<AwsError?> LinkNewAsync(IdentityPoolRecord pool, IdentityAccess access, CancellationToken ct)
    {
        if (access.Fresh.Count == 0)
        {
            return null;
        }

        try
        {
            return await LinkAsync(pool, access.Identity, access.Linked, access.Fresh, ct);
        }
        catch (DbUpdateException ex) when (db.IsUniqueViolation(ex))
        {
            // Linked to another identity by a concurrent request since it was read.
            db.ChangeTracker.Clear();
            return AwsError.NotAuthorized(SignInMessages.LoginOfAnotherIdentity(access.Fresh[0].Provider));
        }
    }

    /// <summary><see cref="CheckAccessAsync"/> then <see cref="LinkNewAsync"/>.</summary>
    public async Task<AwsError?> AuthorizeAsync(
        IdentityPoolRecord pool, Identity identity, IReadOnlyList<VerifiedLogin> logins, bool trusted, CancellationToken ct)
    {
        var (access, error) = await CheckAccessAsync(pool, identity, logins, trusted, ct);
        // Not null: CheckAccessAsync returns access whenever it returns no error.
        return error ?? await LinkNewAsync(pool, access!, ct);
    }

    private async Task<(Identity?, AwsError?)> ResolveOnceAsync(
        IdentityPoolRecord pool, IReadOnlyList<VerifiedLogin> logins, CancellationToken ct)
    {
        var identityIds = new List<string>();
        var fresh = new List<VerifiedLogin>();
        foreach (var login in logins)
        {
            var found = login.IdentityId ?? (await FindLoginAsync(pool.Id, login, ct))?.IdentityId;
            if (found is null)
            {
                fresh.Add(login);
            }
            else if (!identityIds.Contains(found, StringComparer.Ordinal))
            {
                identityIds.Add(found);
            }
        }

        var identities = await db.Identities.Where(i => i.PoolId == pool.Id && identityIds.Contains(i.Id))
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).ToListAsync(ct);
        if (identities.Count != identityIds.Count)
        {
            // An OpenID token of an identity deleted since.
            return (null, AwsError.NotAuthorized(SignInMessages.InvalidToken));
        }

        if (identities.Count == 0)
        {
            var created = NewIdentity(pool);
            db.Identities.Add(created);
            AddLogins(pool, created, fresh);
            await db.SaveChangesAsync(ct);
            Log.IdentityCreated(logger, pool.Id, created.Id, fresh.Count);
            return (created, null);
        }

        var target = identities[0];
        var linked = await db.IdentityLogins.Where(l => l.IdentityId == target.Id).ToListAsync(ct);
        foreach (var other in identities.Skip(1))
        {
            if (await MergeAsync(target, linked, other, ct) is { } conflict)
            {
                return (null, conflict);
            }
        }

        var error = fresh.Count > 0 || identities.Count > 1 ? await LinkAsync(pool, target, linked, fresh, ct) : null;
        return error is null ? (target, null) : (null, error);
    }

    /// <summary>Moves <paramref name="source"/>'s logins to <paramref name="target"/> and deletes it (saved by the caller).</summary>
    private async Task<AwsError?> MergeAsync(Identity target, List<IdentityLogin> linked, Identity source, CancellationToken ct)
    {
        var moving = await db.IdentityLogins.Where(l => l.IdentityId == source.Id).ToListAsync(ct);
        if (moving.FirstOrDefault(m => linked.Any(l => string.Equals(l.Provider, m.Provider, StringComparison.Ordinal)))
            is { } twice)
        {
            return AwsError.ResourceConflict(SignInMessages.LoginAlreadyLinked(twice.Provider));
        }

        foreach (var login in moving)
        {
            login.IdentityId = target.Id;
            linked.Add(login);
        }

        // The logins must point at the target before the source goes, or the cascade would take them with it.
        db.ChangeTracker.DetectChanges();
        db.Identities.Remove(source);
        Log.IdentitiesMerged(logger, target.PoolId, source.Id, target.Id);
        return null;
    }

    private async Task<AwsError?> LinkAsync(
        IdentityPoolRecord pool, Identity identity, List<IdentityLogin> linked, List<VerifiedLogin> fresh, CancellationToken ct)
    {
        if (fresh.FirstOrDefault(f => linked.Any(l => string.Equals(l.Provider, f.Provider, StringComparison.Ordinal)))
            is { } sameProvider)
        {
            return AwsError.ResourceConflict(SignInMessages.LoginAlreadyLinked(sameProvider.Provider));
        }

        AddLogins(pool, identity, fresh);
        IdentityStatus.Touch(identity, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        foreach (var login in fresh)
        {
            Log.LoginLinked(logger, pool.Id, identity.Id, login.Provider);
        }

        return null;
    }

    private void AddLogins(IdentityPoolRecord pool, Identity identity, IEnumerable<VerifiedLogin> logins)
    {
        var now = clock.GetUtcNow();
        foreach (var login in logins.Where(l => l.IdentityId is null))
        {
            db.IdentityLogins.Add(new IdentityLogin
            {
                PoolId = pool.Id,
                Provider = login.Provider,
                Subject = login.Subject,
                IdentityId = identity.Id,
                LinkedAt = now,
            });
        }
    }

    private Task<IdentityLogin?> FindLoginAsync(string poolId, VerifiedLogin login, CancellationToken ct) =>
        db.IdentityLogins.AsNoTracking().FirstOrDefaultAsync(
            l => l.PoolId == poolId && l.Provider == login.Provider && l.Subject == login.Subject, ct);

    private Identity NewIdentity(IdentityPoolRecord pool)
    {
        var now = clock.GetUtcNow();
        return new Identity
        {
            Id = IdentityPoolIds.NewIdentityId(instance.Value.Region),
            PoolId = pool.Id,
            CreatedAt = now,
            LastModifiedAt = now,
        };
    }
}
