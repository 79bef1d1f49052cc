using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Federation;

/// <summary>
/// <c>AdminLinkProviderForUser</c>: an upstream identity that has not signed in yet (SourceUser: a provider of the
/// pool, <c>Cognito_Subject</c> and the upstream subject) will sign in as an existing user (DestinationUser:
/// <c>Cognito</c> and a username, or a provider and the subject of an identity that already has its user). The
/// identity becomes a linked FederatedIdentities row and the user's <c>identities</c> attribute lists it; nothing of
/// the user's own changes. An identity that already has its own user is refused (Cognito does not merge users); one
/// linked to this user already is a no-op. At most <see cref="MaxLinks"/> linked identities per user.
/// Linking by another mapped attribute than the subject (Cognito accepts one for OIDC and SAML) is not supported:
/// InvalidParameterException says so.
/// </summary>
internal sealed class AdminLinkProviderForUser(AppDb db, TimeProvider clock, ILogger<AdminLinkProviderForUser> logger)
    : IAwsHandler<AdminLinkProviderForUserRequest>
{
    public const int MaxLinks = 5;

    public async Task<AwsResult> HandleAsync(AdminLinkProviderForUserRequest request, CancellationToken ct)
    {
        if (await PoolSettings.LoadAsync(db, request.UserPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(FederationMessages.PoolNotFound(request.UserPoolId));
        }

        var source = request.SourceUser;
        if (source.ProviderName is not { } sourceProvider || source.ProviderAttributeName is not { } attributeName
            || source.ProviderAttributeValue is not { Length: > 0 } subject
            || request.DestinationUser.ProviderName is not { } destinationProvider
            || request.DestinationUser.ProviderAttributeValue is not { Length: > 0 } destinationValue)
        {
            return AwsError.InvalidParameter(FederationMessages.MissingProviderAttribute);
        }

        if (string.Equals(sourceProvider, LinkedIdentities.CognitoProvider, StringComparison.OrdinalIgnoreCase))
        {
            return AwsError.InvalidParameter(FederationMessages.SourceMustBeExternal);
        }

        if (await ProviderLookup.FindAsync(db, pool.Pool.Id, sourceProvider, ct) is not { } provider)
        {
            return AwsError.InvalidParameter(FederationMessages.ProviderNotFound(sourceProvider));
        }

        if (attributeName != LinkedIdentities.CognitoSubject)
        {
            return AwsError.InvalidParameter(SocialProviderEndpoints.IsSocial(provider.ProviderType)
                ? FederationMessages.SocialNeedsCognitoSubject
                : FederationMessages.OnlySubjectLinks);
        }

        if (await DestinationAsync(pool, destinationProvider, destinationValue, ct) is not { } user)
        {
            return AwsError.UserNotFound(FederationMessages.UserDoesNotExist);
        }

        var immutable = UserRecordWriter.ReadAttributes(user).Keys
            .Any(name => name.StartsWith("custom:", StringComparison.Ordinal)
                && pool.Schema.TryGetValue(name, out var schema) && schema.Mutable == false);
        if (immutable)
        {
            return AwsError.InvalidParameter(FederationMessages.DestinationImmutable);
        }

        var existing = await db.FederatedIdentities.AsNoTracking().FirstOrDefaultAsync(
            i => i.PoolId == pool.Pool.Id && i.ProviderName == provider.ProviderName && i.ProviderUserId == subject, ct);
        if (existing is not null)
        {
            return existing.UserId == user.Id && existing.Linked ? AwsResult.Empty
                : existing.Linked ? AwsError.AliasExists(FederationMessages.AlreadyLinked)
                : AwsError.InvalidParameter(FederationMessages.MergingNotSupported);
        }

        if (await db.FederatedIdentities.CountAsync(i => i.UserId == user.Id && i.Linked, ct) >= MaxLinks)
        {
            return AwsError.LimitExceeded(FederationMessages.LinkLimit(MaxLinks));
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.FederatedIdentities.Add(new FederatedIdentity
            {
                PoolId = pool.Pool.Id,
                ProviderName = provider.ProviderName,
                ProviderUserId = subject,
                UserId = user.Id,
                Linked = true,
                CreatedAt = now,
            });
            await db.SaveChangesAsync(ct);
            await LinkedIdentities.RefreshAsync(db, pool, user, now, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // The identity signed in, or was linked, between the check above and this insert.
            return AwsError.InvalidParameter(FederationMessages.MergingNotSupported);
        }

        Log.ProviderLinked(logger, provider.ProviderName, user.Sub, pool.Pool.Id);
        return AwsResult.Empty;
    }

    /// <summary>A native user by username (<c>Cognito</c>), or the user an existing identity of a provider signs in as.</summary>
    private async Task<User?> DestinationAsync(PoolSettings pool, string providerName, string value, CancellationToken ct)
    {
        if (string.Equals(providerName, LinkedIdentities.CognitoProvider, StringComparison.OrdinalIgnoreCase))
        {
            return await UserLookup.FindAsync(db, pool, value, ct);
        }

        var identity = await db.FederatedIdentities.AsNoTracking().FirstOrDefaultAsync(
            i => i.PoolId == pool.Pool.Id && i.ProviderName == providerName && i.ProviderUserId == value, ct);
        return identity is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == identity.UserId, ct);
    }
}
