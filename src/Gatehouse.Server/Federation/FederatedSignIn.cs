using System.Globalization;
using System.Text.Json;
using Gatehouse.Server.HostedUi;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Federation;

/// <summary>
/// The junction every provider type ends in once the upstream answer is verified (OIDC and social at
/// <c>/oauth2/idpresponse</c>, SAML at <c>/saml2/idpresponse</c>): the upstream identity (provider, subject) resolves
/// to its pool user through <see cref="FederatedIdentity"/>. The first sign-in creates an <c>EXTERNAL_PROVIDER</c>
/// user named <c>&lt;ProviderName&gt;_&lt;subject&gt;</c> with the mapped attributes, the <c>identities</c> attribute
/// and membership of the <c>&lt;poolId&gt;_&lt;ProviderName&gt;</c> group (created when missing), as Cognito does;
/// later sign-ins update the mapped attributes. An identity linked to a native user (AdminLinkProviderForUser) signs
/// in as that user and leaves its attributes alone. An upstream email or subject never links by itself
/// (security-suite #47): federated users hold no sign-in alias keys.
/// </summary>
internal sealed class FederatedSignIn(AppDb db, TimeProvider clock, ILogger<FederatedSignIn> logger)
{
    public const string IdentitiesAttribute = "identities";

    /// <param name="provider">The provider the answer came from.</param>
    /// <param name="subject">The upstream's stable user id (OIDC <c>sub</c>, Facebook/Amazon <c>id</c>, SAML NameID).</param>
    /// <param name="claims">The upstream's claims or SAML attributes by their upstream names, single values as strings.</param>
    /// <param name="issuer">The <c>issuer</c> of the identities entry: the SAML IdP's entity id; null for the others.</param>
    /// <param name="ct">Cancels the database work.</param>
    public async Task<FederatedSignInResult> SignInAsync(
        IdentityProvider provider, string subject, IReadOnlyDictionary<string, string> claims, string? issuer,
        CancellationToken ct)
    {
        if (await PoolSettings.LoadAsync(db, provider.PoolId, ct) is not { } pool)
        {
            return FederatedSignInResult.Refused(HostedUiStrings.FederationFailed);
        }

        var mapped = MapAttributes(provider, claims);
        var identity = await db.FederatedIdentities.FirstOrDefaultAsync(
            i => i.PoolId == provider.PoolId && i.ProviderName == provider.ProviderName && i.ProviderUserId == subject, ct);
        User? user;
        if (identity is null)
        {
            user = await CreateAsync(pool, provider, subject, mapped, issuer, ct);
        }
        else
        {
            user = await db.Users.FirstOrDefaultAsync(u => u.Id == identity.UserId, ct);
            if (user is not null && !identity.Linked)
            {
                var attributes = UserRecordWriter.ReadAttributes(user);
                foreach (var (name, value) in mapped)
                {
                    attributes[name] = value;
                }

                Write(user, pool, attributes, clock.GetUtcNow());
                await db.SaveChangesAsync(ct);
            }
        }

        if (user is null)
        {
            return FederatedSignInResult.Refused(HostedUiStrings.FederationFailed);
        }

        if (!user.Enabled)
        {
            Log.FederatedSignInRefused(logger, provider.ProviderName, provider.PoolId, "user disabled");
            return FederatedSignInResult.Refused(HostedUiStrings.UserDisabled);
        }

        Log.FederatedSignIn(logger, user.Sub, provider.PoolId, provider.ProviderName);
        return new FederatedSignInResult(user, null);
    }

    /// <summary>
    /// The <c>identities</c> attribute's value for a user's identities, in the order they were made (the first one
    /// primary unless it was linked to a native user). <paramref name="types"/> gives each provider's type.
    /// </summary>
    public static string IdentitiesValue(
        IEnumerable<FederatedIdentity> identities, IReadOnlyDictionary<string, string> types, IReadOnlyDictionary<string, string?> issuers)
    {
        var entries = identities.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).Select((i, index) => new IdentityEntry(
            i.ProviderUserId, i.ProviderName, types.GetValueOrDefault(i.ProviderName) ?? "OIDC",
            issuers.GetValueOrDefault(i.ProviderName),
            index == 0 && !i.Linked ? "true" : "false",
            i.CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture))).ToList();
        return JsonSerializer.Serialize(entries, FederationJsonContext.Default.ListIdentityEntry);
    }

    private async Task<User?> CreateAsync(
        PoolSettings pool, IdentityProvider provider, string subject, Dictionary<string, string> mapped, string? issuer,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var username = provider.ProviderName + "_" + subject;
        var sub = Guid.NewGuid().ToString();
        var identity = new FederatedIdentity
        {
            PoolId = provider.PoolId,
            ProviderName = provider.ProviderName,
            ProviderUserId = subject,
            CreatedAt = now,
        };
        var attributes = new Dictionary<string, string>(mapped, StringComparer.Ordinal)
        {
            [UserAttributeNames.Sub] = sub,
            [IdentitiesAttribute] = IdentitiesValue([identity],
                new Dictionary<string, string> { [provider.ProviderName] = provider.ProviderType },
                new Dictionary<string, string?> { [provider.ProviderName] = issuer }),
        };
        var user = new User
        {
            PoolId = provider.PoolId,
            Username = username,
            UsernameKey = pool.UsernameKey(username),
            Sub = sub,
            Status = UserStatuses.ExternalProvider,
            Enabled = true,
            CreatedAt = now,
        };
        Write(user, pool, attributes, now);
        var groupName = provider.PoolId + "_" + provider.ProviderName;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.Users.Add(user);
            await db.SaveChangesAsync(ct);
            identity.UserId = user.Id;
            db.FederatedIdentities.Add(identity);
            if (!await db.Groups.AnyAsync(g => g.PoolId == provider.PoolId && g.GroupName == groupName, ct))
            {
                db.Groups.Add(new Group
                {
                    PoolId = provider.PoolId,
                    GroupName = groupName,
                    Description = "Autogenerated group for users who sign in using " + provider.ProviderName,
                    CreatedAt = now,
                    LastModifiedAt = now,
                });
            }

            db.GroupMemberships.Add(new GroupMembership { PoolId = provider.PoolId, GroupName = groupName, UserId = user.Id, AddedAt = now });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // A parallel first sign-in of the same identity (or of another identity creating the group) won the
            // race: forget this attempt and take the user it made.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var winner = await db.FederatedIdentities.AsNoTracking().FirstOrDefaultAsync(
                i => i.PoolId == provider.PoolId && i.ProviderName == provider.ProviderName && i.ProviderUserId == subject, ct);
            return winner is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == winner.UserId, ct);
        }

        Log.FederatedUserCreated(logger, sub, provider.PoolId, provider.ProviderName);
        return user;
    }

    /// <summary>
    /// The pool attributes the provider's AttributeMapping fills from the upstream claims (pool attribute name to
    /// upstream claim name). <c>username</c> and <c>sub</c> are never taken from upstream; unknown pool attributes
    /// are dropped (CreateIdentityProvider refuses them).
    /// </summary>
    private static Dictionary<string, string> MapAttributes(
        IdentityProvider provider, IReadOnlyDictionary<string, string> claims)
    {
        var mapped = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (attribute, claim) in ProviderDetails.ReadMapping(provider))
        {
            if (attribute is "username" or UserAttributeNames.Sub or IdentitiesAttribute
                || !claims.TryGetValue(claim, out var value))
            {
                continue;
            }

            mapped[attribute] = value;
        }

        return mapped;
    }

    /// <summary>Writes the attributes; a federated user is never found by an alias (no alias keys).</summary>
    private static void Write(User user, PoolSettings pool, Dictionary<string, string> attributes, DateTimeOffset now)
    {
        UserRecordWriter.Write(user, pool, attributes, now);
        user.EmailAliasKey = null;
        user.PhoneAliasKey = null;
        user.PreferredUsernameKey = null;
    }
}
