using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Tokens;

/// <summary>
/// Mints the tokens of a session (<c>AuthenticationResult</c>): an ID token and an access token signed with the
/// pool's two keys, and, for a new sign-in or a rotation, a refresh token of the session's family. The pool's pre
/// token generation trigger (<see cref="PreTokenGeneration"/>) runs before anything is stored or signed.
/// </summary>
internal sealed class SessionTokens(
    AppDb db, SigningKeyStore keys, RefreshTokenStore refreshTokens, PoolIssuer issuer, PreTokenGeneration preTokenGeneration,
    TimeProvider clock)
{
    // Compiled: every token mint runs it.
    // Selects the Group rows: a tuple projection becomes a PostgreSQL record, which Npgsql does not read as a tuple.
    private static readonly Func<AppDb, long, IAsyncEnumerable<Group>> GroupsOfUser =
        EF.CompileAsyncQuery((AppDb db, long userId) =>
            from m in db.GroupMemberships.AsNoTracking()
            join g in db.Groups.AsNoTracking() on new { m.PoolId, m.GroupName } equals new { g.PoolId, g.GroupName }
            where m.UserId == userId
            select g);

    /// <summary>
    /// Tokens of a new API sign-in (<paramref name="triggerSource"/> says which one, for the pre token generation
    /// trigger): a new family, <c>auth_time</c> = now, and a refresh token. From a tracked device the access token
    /// carries <c>device_key</c>, and so does every access token refreshed from this sign-in's refresh token.
    /// </summary>
    public Task<(AuthenticationResultType? Tokens, AwsError? Error)> SignInAsync(
        AppClient client, User user, string triggerSource, string? deviceKey,
        IReadOnlyDictionary<string, string>? clientMetadata, CancellationToken ct) =>
        SignInAsync(client, user, triggerSource, oauth: null, deviceKey, clientMetadata, ct);

    /// <summary>
    /// Tokens of a sign-in through the hosted UI or the OAuth endpoints: <paramref name="oauth"/> sets the granted
    /// scopes, the nonce and the original <c>auth_time</c>, and asks whether a refresh token is issued at all.
    /// </summary>
    public Task<(AuthenticationResultType? Tokens, AwsError? Error)> SignInAsync(
        AppClient client, User user, OAuthSignIn oauth, CancellationToken ct) =>
        SignInAsync(client, user, PreTokenSources.HostedAuth, oauth, deviceKey: null, clientMetadata: null, ct);

    private async Task<(AuthenticationResultType? Tokens, AwsError? Error)> SignInAsync(
        AppClient client, User user, string triggerSource, OAuthSignIn? oauth, string? deviceKey,
        IReadOnlyDictionary<string, string>? clientMetadata, CancellationToken ct)
    {
        // The trigger runs first: when it fails, no refresh token has been stored.
        var (plan, error) = await PlanAsync(client, user, triggerSource, oauth?.Scopes, clientMetadata, ct);
        if (plan is null)
        {
            return (null, error);
        }

        var now = clock.GetUtcNow();
        var authTime = oauth?.AuthTime ?? now;
        var settings = UserPoolSettings.ReadClient(client);
        var family = Guid.NewGuid().ToString();
        var refresh = oauth is { IssueRefreshToken: false }
            ? null
            : await refreshTokens.IssueAsync(client.PoolId, client.ClientId, user.Id, family, authTime, now,
                AppClientTokenValidity.RefreshToken(settings), oauth?.Scopes, deviceKey, ct);
        return (await MintAsync(client, settings, plan, family, authTime, now, refresh, oauth?.Scopes, oauth?.Nonce,
            deviceKey, ct), null);
    }

    /// <summary>
    /// The first half of a refresh: the user's claims and the pre token generation trigger
    /// (TokenGeneration_RefreshTokens), before the refresh token is rotated, so a failed trigger leaves it unused.
    /// </summary>
    public Task<(TokenPlan? Plan, AwsError? Error)> PlanRefreshAsync(
        AppClient client, User user, RefreshToken used, IReadOnlyDictionary<string, string>? clientMetadata,
        CancellationToken ct) =>
        PlanAsync(client, user, PreTokenSources.RefreshTokens, used.Scopes, clientMetadata, ct);

    /// <summary>
    /// Tokens from a refresh token: same family, <c>auth_time</c> and scopes; a new refresh token only when
    /// <paramref name="rotate"/> (the client rotates refresh tokens).
    /// </summary>
    public async Task<AuthenticationResultType> RefreshAsync(
        AppClient client, User user, RefreshToken used, bool rotate, TokenPlan plan, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var settings = UserPoolSettings.ReadClient(client);
        var refresh = rotate
            ? await refreshTokens.IssueAsync(client.PoolId, client.ClientId, user.Id, used.FamilyId, used.AuthTime, now,
                AppClientTokenValidity.RefreshToken(settings), used.Scopes, used.DeviceKey, ct)
            : null;
        return await MintAsync(client, settings, plan, used.FamilyId, used.AuthTime, now, refresh, used.Scopes, null,
            used.DeviceKey, ct);
    }

    /// <summary>
    /// Who the tokens are about and what the pre token generation trigger changes: the trigger sees the group
    /// claims the tokens would carry, and its group override replaces them in both tokens.
    /// </summary>
    private async Task<(TokenPlan? Plan, AwsError? Error)> PlanAsync(
        AppClient client, User user, string triggerSource, string? scopes,
        IReadOnlyDictionary<string, string>? clientMetadata, CancellationToken ct)
    {
        var groups = await GroupsAsync(user, ct);
        var (roles, preferredRole) = RoleClaims(groups);
        var names = groups.Select(g => g.GroupName).ToList();
        var input = new PreTokenInput(triggerSource, names, roles, preferredRole, scopes ?? TokenClaimSets.AdminScope,
            clientMetadata);
        var (changes, error) = await preTokenGeneration.ForUserAsync(client, user, input, ct);
        if (changes is null)
        {
            return (null, error);
        }

        var subject = new TokenSubject(user.Sub, user.Username, UserRecordWriter.ReadAttributes(user),
            changes.Groups ?? names, changes.Roles ?? roles,
            changes.PreferredRoleSet ? changes.PreferredRole : preferredRole);
        return (new TokenPlan(subject, changes), null);
    }

    /// <summary>
    /// Signs the tokens. With OAuth <paramref name="scopes"/> the access token carries them, and the ID token
    /// (with <c>at_hash</c> and the nonce) is issued only when they include <c>openid</c>, as Cognito does.
    /// </summary>
    private async Task<AuthenticationResultType> MintAsync(
        AppClient client, UserPoolClientType settings, TokenPlan plan, string family, DateTimeOffset authTime,
        DateTimeOffset now, string? refresh, string? scopes, string? nonce, string? deviceKey, CancellationToken ct)
    {
        var changes = plan.Changes;
        var grant = new TokenGrant(issuer.For(client.PoolId), client.ClientId, authTime, now, family,
            Guid.NewGuid().ToString());
        var accessValidity = AppClientTokenValidity.AccessToken(settings);
        var accessScope = TokenClaimEdits.Scopes(scopes ?? TokenClaimSets.AdminScope, changes.ScopesToAdd,
            changes.ScopesToSuppress);
        var accessPayload = TokenClaimEdits.Apply(
            TokenClaimSets.AccessToken(plan.Subject, grant, accessValidity, Guid.NewGuid().ToString(), accessScope,
                deviceKey),
            changes.AccessClaims, changes.AccessSuppress, accessToken: true);
        var accessToken = JwtIssuer.Sign(accessPayload,
            await keys.SigningCredentialsAsync(client.PoolId, SigningKeyUses.Access, ct));
        string? idToken = null;
        if (scopes is null || OAuthScopes.Split(scopes).Contains(OAuthScopes.OpenId, StringComparer.Ordinal))
        {
            var extras = scopes is null ? null : new IdTokenExtras(nonce, JwtIssuer.AccessTokenHash(accessToken));
            var idPayload = TokenClaimEdits.Apply(
                TokenClaimSets.IdToken(plan.Subject, grant, AppClientTokenValidity.IdToken(settings),
                    settings.ReadAttributes, Guid.NewGuid().ToString(), extras),
                changes.IdClaims, changes.IdSuppress, accessToken: false);
            idToken = JwtIssuer.Sign(idPayload, await keys.SigningCredentialsAsync(client.PoolId, SigningKeyUses.Id, ct));
        }

        return new AuthenticationResultType
        {
            AccessToken = accessToken,
            ExpiresIn = (int)accessValidity.TotalSeconds,
            TokenType = "Bearer",
            RefreshToken = refresh,
            IdToken = idToken,
        };
    }

    /// <summary>The user's groups, lowest precedence first (groups without one last), then by name.</summary>
    private async Task<List<Group>> GroupsAsync(User user, CancellationToken ct)
    {
        var groups = new List<Group>();
        await foreach (var group in GroupsOfUser(db, user.Id).WithCancellation(ct))
        {
            groups.Add(group);
        }

        return [.. groups.OrderBy(g => g.Precedence ?? int.MaxValue).ThenBy(g => g.GroupName, StringComparer.Ordinal)];
    }

    /// <summary>
    /// <c>cognito:roles</c>, the RoleArns of the user's groups, and <c>cognito:preferred_role</c>, the role of the
    /// group with the lowest Precedence, left out when two groups share it (developer guide, "Adding groups to a user
    /// pool": "If there are multiple groups with the same lowest precedence value, the cognito:preferred_role claim
    /// isn't included"). Identity pools' Token role mappings read them.
    /// </summary>
    private static (IReadOnlyList<string> Roles, string? PreferredRole) RoleClaims(List<Group> ranked)
    {
        var withRoles = ranked.Where(g => g.RoleArn is { Length: > 0 }).ToList();
        if (withRoles.Count == 0)
        {
            return ([], null);
        }

        // RoleArn is set: the list holds only groups with a role.
        var roles = withRoles.Select(g => g.RoleArn!).Distinct(StringComparer.Ordinal).ToList();
        var unique = withRoles.Count == 1 || (withRoles[1].Precedence ?? int.MaxValue) != (withRoles[0].Precedence ?? int.MaxValue);
        return (roles, unique ? withRoles[0].RoleArn : null);
    }
}
