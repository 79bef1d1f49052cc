using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Federation;

/// <summary>
/// Rewrites a user's <c>identities</c> attribute from its FederatedIdentities rows as stored (save the link change
/// first, in the same transaction).
/// </summary>
internal static class LinkedIdentities
{
    public const string CognitoSubject = "Cognito_Subject";
    public const string CognitoProvider = "Cognito";

    public static async Task RefreshAsync(AppDb db, PoolSettings pool, User user, DateTimeOffset now, CancellationToken ct)
    {
        var identities = await db.FederatedIdentities.AsNoTracking().Where(i => i.UserId == user.Id).ToListAsync(ct);
        var names = identities.Select(i => i.ProviderName).Distinct().ToList();
        var types = await db.IdentityProviders.AsNoTracking()
            .Where(p => p.PoolId == user.PoolId && names.Contains(p.ProviderName))
            .ToDictionaryAsync(p => p.ProviderName, p => p.ProviderType, ct);
        var attributes = UserRecordWriter.ReadAttributes(user);
        if (identities.Count == 0)
        {
            attributes.Remove(FederatedSignIn.IdentitiesAttribute);
        }
        else
        {
            attributes[FederatedSignIn.IdentitiesAttribute] = FederatedSignIn.IdentitiesValue(
                identities, types, new Dictionary<string, string?>());
        }

        var (email, phone, preferred) = (user.EmailAliasKey, user.PhoneAliasKey, user.PreferredUsernameKey);
        UserRecordWriter.Write(user, pool, attributes, now);
        // Only the identities attribute changed: the user keeps exactly the alias keys it had.
        (user.EmailAliasKey, user.PhoneAliasKey, user.PreferredUsernameKey) = (email, phone, preferred);
    }
}
