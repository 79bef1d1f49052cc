using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Sts;
using Gatehouse.Server.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// Verifies an OpenID Connect ID token: from an IAM OIDC provider listed in OpenIdConnectProviderARNs (issuer
/// <c>https://&lt;host/path&gt;</c>, <c>http://</c> only for a loopback host), or from Google or Apple
/// (SupportedLoginProviders; issuer from <see cref="IdentityPoolSignInOptions"/>). Checks: issuer → keys (this
/// server's own user pool: its published ID-token key, no HTTP; else the issuer's discovery document and JWKS through
/// <see cref="OidcKeySource"/>, never a key named by the token's header) → RS256 signature → not expired (injected
/// clock) → <c>aud</c> one of the allowed client ids → a subject.
/// </summary>
internal sealed class OidcLogin(SigningKeyStore poolKeys, PoolIssuer poolIssuer, OidcKeySource oidcKeys, TimeProvider clock)
{
    public async Task<(VerifiedLogin? Login, AwsError? Error)> VerifyAsync(
        string providerName, string token, IReadOnlyCollection<string> issuers, IReadOnlyCollection<string> audiences,
        CancellationToken ct)
    {
        if (LoginClaims.Read(token) is not { } jwt)
        {
            return (null, AwsError.NotAuthorized(SignInMessages.InvalidToken));
        }

        var iss = LoginClaims.String(jwt, "iss");
        if (!issuers.Contains(iss, StringComparer.Ordinal))
        {
            return (null, AwsError.NotAuthorized(SignInMessages.IssuerMismatch));
        }

        // Google's tokens may name their issuer without the scheme; its keys are still at the https URL.
        var keyIssuer = iss.Contains("://", StringComparison.Ordinal) ? iss : "https://" + iss;
        var keys = await OwnPoolKeyAsync(keyIssuer, jwt.Kid, ct) ?? await oidcKeys.KeysAsync(keyIssuer, jwt.Kid, ct);
        if (keys is null)
        {
            return (null, AwsError.ExternalService(SignInMessages.KeysUnavailable));
        }

        if (keys.Count == 0 || !await SignatureValidAsync(token, jwt, iss, keys))
        {
            return (null, AwsError.NotAuthorized(SignInMessages.BadSignature));
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (!jwt.TryGetPayloadValue<long>("exp", out var exp) || exp <= now)
        {
            return (null, AwsError.NotAuthorized(SignInMessages.Expired(now, exp)));
        }

        if (!jwt.Audiences.Any(a => audiences.Contains(a, StringComparer.Ordinal)))
        {
            return (null, AwsError.NotAuthorized(SignInMessages.UnsupportedProvider));
        }

        var sub = LoginClaims.String(jwt, "sub");
        return sub.Length == 0
            ? (null, AwsError.NotAuthorized(SignInMessages.MissingSubject))
            : (new VerifiedLogin(providerName, sub, providerName, LoginClaims.Of(jwt), [providerName]), null);
    }

    private async Task<IReadOnlyList<SecurityKey>?> OwnPoolKeyAsync(string issuer, string? kid, CancellationToken ct)
    {
        var poolId = issuer[(issuer.LastIndexOf('/') + 1)..];
        if (kid is null || poolId.Length == 0 || !string.Equals(poolIssuer.For(poolId), issuer, StringComparison.Ordinal)
            || await poolKeys.FindPublishedAsync(poolId, kid, ct) is not { } key
            || !string.Equals(key.Use, SigningKeyUses.Id, StringComparison.Ordinal))
        {
            return null;
        }

        return [poolKeys.VerificationKey(key)];
    }

    private static async Task<bool> SignatureValidAsync(
        string token, JsonWebToken jwt, string issuer, IReadOnlyList<SecurityKey> keys)
    {
        var result = await LoginClaims.JwtHandler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = keys,
            ValidIssuer = issuer,
            ValidateAudience = false,
            ValidateLifetime = false,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            TryAllIssuerSigningKeys = jwt.Kid is null,
        });
        return result.IsValid;
    }
}
