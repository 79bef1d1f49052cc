using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// Verifies an OpenID token of this identity pool presented as the <c>cognito-identity.amazonaws.com</c> login (how
/// a client that got a developer identity's token from its back end signs in, developer guide
/// developer-authenticated-identities): issuer → signed by an <see cref="OpenIdTokenKey"/> (by <c>kid</c>) → not
/// expired → <c>aud</c> is this pool → an authenticated identity in <c>sub</c>. The login names the identity
/// directly; its providers carry over into the new token's <c>amr</c>.
/// </summary>
internal sealed class CognitoIdentityLogin(OpenIdTokenKeys keys, OpenIdTokenIssuer issuer, TimeProvider clock)
{
    public const string ProviderName = "cognito-identity.amazonaws.com";

    public async Task<(VerifiedLogin? Login, AwsError? Error)> VerifyAsync(
        IdentityPoolRecord pool, string token, CancellationToken ct)
    {
        if (LoginClaims.Read(token) is not { } jwt)
        {
            return (null, AwsError.NotAuthorized(SignInMessages.InvalidToken));
        }

        var iss = LoginClaims.String(jwt, "iss");
        if (!string.Equals(iss, issuer.Issuer(), StringComparison.Ordinal))
        {
            return (null, AwsError.NotAuthorized(SignInMessages.IssuerMismatch));
        }

        if (jwt.Kid is not { Length: > 0 } kid || await keys.VerificationKeyAsync(kid, ct) is not { } key
            || !(await LoginClaims.JwtHandler.ValidateTokenAsync(token, new TokenValidationParameters
            {
                IssuerSigningKey = key,
                ValidIssuer = iss,
                ValidateAudience = false,
                ValidateLifetime = false,
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            })).IsValid)
        {
            return (null, AwsError.NotAuthorized(SignInMessages.BadSignature));
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (!jwt.TryGetPayloadValue<long>("exp", out var exp) || exp <= now)
        {
            return (null, AwsError.NotAuthorized(SignInMessages.Expired(now, exp)));
        }

        if (!jwt.Audiences.Contains(pool.Id, StringComparer.Ordinal))
        {
            return (null, AwsError.NotAuthorized(SignInMessages.UnsupportedProvider));
        }

        var claims = LoginClaims.Of(jwt);
        var amr = claims.TryGetValue("amr", out var values) ? values : [];
        var sub = LoginClaims.String(jwt, "sub");
        if (sub.Length == 0 || !amr.Contains(OpenIdTokenIssuer.Authenticated, StringComparer.Ordinal))
        {
            // A guest's token proves no login: it cannot stand in for one.
            return (null, AwsError.NotAuthorized(SignInMessages.InvalidToken));
        }

        var carried = amr.Where(a => !string.Equals(a, OpenIdTokenIssuer.Authenticated, StringComparison.Ordinal)).ToList();
        return (new VerifiedLogin(ProviderName, sub, ProviderName, claims, carried, IdentityId: sub), null);
    }
}
