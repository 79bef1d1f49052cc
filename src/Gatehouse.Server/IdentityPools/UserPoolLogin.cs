using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// Verifies a Gatehouse user pool's ID token presented under a CognitoIdentityProvider's ProviderName. The name is
/// the token's issuer without its scheme (Amplify builds the Logins key that way from <c>iss</c>), so: issuer
/// matches the key → it is this server's issuer of that pool (<see cref="PoolIssuer"/>) → signed (RS256) by a
/// published ID-token key of the pool, found by <c>kid</c> → <c>token_use</c> = id → not expired (injected clock)
/// → <c>aud</c> is a ClientId configured with that ProviderName → a subject. With ServerSideTokenCheck the user must
/// still exist, be enabled and not be signed out (its token family, <c>origin_jti</c>, not revoked), as Cognito
/// checks with the user pool (CognitoIdentityProvider.ServerSideTokenCheck).
/// </summary>
internal sealed class UserPoolLogin(
    AppDb db, SigningKeyStore keys, RefreshTokenStore refreshTokens, PoolIssuer issuer, TimeProvider clock)
{
    private static readonly Func<AppDb, string, string, CancellationToken, Task<User?>> UserBySub =
        EF.CompileAsyncQuery((AppDb db, string poolId, string sub, CancellationToken ct) =>
            db.Users.AsNoTracking().FirstOrDefault(u => u.PoolId == poolId && u.Sub == sub));

    public async Task<(VerifiedLogin? Login, AwsError? Error)> VerifyAsync(
        string providerName, string token, IReadOnlyList<CognitoIdentityProvider> configured, CancellationToken ct)
    {
        if (LoginClaims.Read(token) is not { } jwt)
        {
            return (null, AwsError.NotAuthorized(SignInMessages.InvalidToken));
        }

        var iss = LoginClaims.String(jwt, "iss");
        var poolId = providerName[(providerName.LastIndexOf('/') + 1)..];
        if (!string.Equals(LoginClaims.WithoutScheme(iss), providerName, StringComparison.Ordinal)
            || !string.Equals(issuer.For(poolId), iss, StringComparison.Ordinal))
        {
            return (null, AwsError.NotAuthorized(SignInMessages.IssuerMismatch));
        }

        if (jwt.Kid is not { Length: > 0 } kid || await keys.FindPublishedAsync(poolId, kid, ct) is not { } key
            || !string.Equals(key.Use, SigningKeyUses.Id, StringComparison.Ordinal)
            || !await SignatureValidAsync(token, keys.VerificationKey(key), iss))
        {
            return (null, AwsError.NotAuthorized(SignInMessages.BadSignature));
        }

        if (!string.Equals(LoginClaims.String(jwt, "token_use"), "id", StringComparison.Ordinal))
        {
            return (null, AwsError.NotAuthorized(SignInMessages.NotIdToken));
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (!jwt.TryGetPayloadValue<long>("exp", out var exp) || exp <= now)
        {
            return (null, AwsError.NotAuthorized(SignInMessages.Expired(now, exp)));
        }

        var audience = jwt.Audiences.FirstOrDefault() ?? "";
        if (configured.FirstOrDefault(p => string.Equals(p.ClientId, audience, StringComparison.Ordinal)) is not { } entry)
        {
            return (null, AwsError.NotAuthorized(SignInMessages.UnsupportedProvider));
        }

        var sub = LoginClaims.String(jwt, "sub");
        if (sub.Length == 0)
        {
            return (null, AwsError.NotAuthorized(SignInMessages.MissingSubject));
        }

        // Only the server-side check reads the user: otherwise the token speaks for itself, its role claims
        // included (cognito:roles and cognito:preferred_role are the groups' roles when it was issued), as in Cognito.
        if (entry.ServerSideTokenCheck == true
            && await ServerSideCheckAsync(jwt, await UserBySub(db, poolId, sub, ct), ct) is { } refused)
        {
            return (null, refused);
        }

        var claims = LoginClaims.Of(jwt);

        return (new VerifiedLogin(providerName, sub, $"{providerName}:{audience}", claims,
            [providerName, $"{providerName}:CognitoSignIn:{sub}"]), null);
    }

    private async Task<AwsError?> ServerSideCheckAsync(JsonWebToken jwt, User? user, CancellationToken ct)
    {
        if (user is not { Enabled: true })
        {
            return AwsError.NotAuthorized(SignInMessages.UserUnavailable);
        }

        var origin = LoginClaims.String(jwt, "origin_jti");
        return origin.Length > 0 && await refreshTokens.IsFamilyRevokedAsync(origin, ct)
            ? AwsError.NotAuthorized(SignInMessages.Revoked)
            : null;
    }

    private static async Task<bool> SignatureValidAsync(string token, SecurityKey key, string expectedIssuer)
    {
        var result = await LoginClaims.JwtHandler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = key,
            ValidIssuer = expectedIssuer,
            ValidateAudience = false,
            // Expiry is checked against the injected clock, with Cognito's message.
            ValidateLifetime = false,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
        return result.IsValid;
    }
}
