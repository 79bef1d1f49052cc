using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Server.Tokens;

/// <summary>
/// Authenticates the self-service operations (GetUser, GlobalSignOut, ChangePassword, ...) by their
/// <c>AccessToken</c>: a JWT this server signed with the pool's access key, our issuer, <c>token_use</c> = access,
/// not expired (by the injected clock), the <c>aws.cognito.signin.user.admin</c> scope, its family
/// (<c>origin_jti</c>) not revoked by RevokeToken or a global sign-out, and an existing, enabled user.
/// Messages are Cognito's ("Access Token has expired", "Access Token has been revoked", ...).
/// </summary>
internal sealed class AccessTokenAuthenticator(
    AppDb db, SigningKeyStore keys, RefreshTokenStore refreshTokens, PoolIssuer issuer, TimeProvider clock)
{
    private static readonly JsonWebTokenHandler Handler = new();

    private static readonly Func<AppDb, string, string, CancellationToken, Task<User?>> UserBySub =
        EF.CompileAsyncQuery((AppDb db, string poolId, string sub, CancellationToken ct) =>
            db.Users.FirstOrDefault(u => u.PoolId == poolId && u.Sub == sub));

    public Task<(AuthenticatedUser? Caller, AwsError? Error)> AuthenticateAsync(string accessToken, CancellationToken ct) =>
        AuthenticateAsync(accessToken, TokenClaimSets.AdminScope, ct);

    /// <summary>As above, requiring <paramref name="requiredScope"/> (<c>openid</c> for /oauth2/userInfo).</summary>
    public async Task<(AuthenticatedUser? Caller, AwsError? Error)> AuthenticateAsync(
        string accessToken, string requiredScope, CancellationToken ct)
    {
        if (!Handler.CanReadToken(accessToken))
        {
            return (null, AwsError.NotAuthorized(TokensMessages.InvalidAccessToken));
        }

        var token = new JsonWebToken(accessToken);
        var poolId = PoolIdOf(token);
        if (poolId is null || token.Kid is not { Length: > 0 } kid
            || await db.FindPoolAsync(poolId, ct) is not { } pool
            || await keys.FindPublishedAsync(poolId, kid, ct) is not { } key
            || !string.Equals(key.Use, SigningKeyUses.Access, StringComparison.Ordinal)
            || !await SignatureValidAsync(accessToken, keys.VerificationKey(key), issuer.For(poolId))
            || !Claim(token, "token_use").Equals("access", StringComparison.Ordinal))
        {
            return (null, AwsError.NotAuthorized(TokensMessages.InvalidAccessToken));
        }

        if (!token.TryGetPayloadValue<long>("exp", out var exp) || exp <= clock.GetUtcNow().ToUnixTimeSeconds())
        {
            return (null, AwsError.NotAuthorized(TokensMessages.AccessTokenExpired));
        }

        if (!Claim(token, "scope").Split(' ').Contains(requiredScope, StringComparer.Ordinal))
        {
            return (null, AwsError.NotAuthorized(TokensMessages.AccessTokenScopes));
        }

        var origin = Claim(token, "origin_jti");
        if (await refreshTokens.IsFamilyRevokedAsync(origin, ct))
        {
            return (null, AwsError.NotAuthorized(TokensMessages.AccessTokenRevoked));
        }

        var sub = Claim(token, "sub");
        if (await UserBySub(db, poolId, sub, ct) is not { } user)
        {
            return (null, AwsError.UserNotFound(TokensMessages.UserDoesNotExist));
        }

        return user.Enabled
            ? (new AuthenticatedUser(user, pool, Claim(token, "client_id"), origin), null)
            : (null, AwsError.NotAuthorized(TokensMessages.UserDisabled));
    }

    private static async Task<bool> SignatureValidAsync(string accessToken, SecurityKey key, string expectedIssuer)
    {
        var result = await Handler.ValidateTokenAsync(accessToken, new TokenValidationParameters
        {
            IssuerSigningKey = key,
            ValidIssuer = expectedIssuer,
            ValidateAudience = false,
            // Expiry is checked against the injected clock by the caller, with Cognito's message.
            ValidateLifetime = false,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
        return result.IsValid;
    }

    private static string? PoolIdOf(JsonWebToken token) =>
        token.TryGetPayloadValue<string>("iss", out var iss) && iss.LastIndexOf('/') is var slash and >= 0
            ? iss[(slash + 1)..]
            : null;

    private static string Claim(JsonWebToken token, string name) =>
        token.TryGetPayloadValue<string>(name, out var value) ? value ?? "" : "";
}
