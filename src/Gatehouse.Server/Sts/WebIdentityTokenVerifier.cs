using System.Collections.Concurrent;
using System.Text.Json;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Server.Sts;

/// <summary>
/// Verifies the <c>WebIdentityToken</c> of <c>AssumeRoleWithWebIdentity</c> and turns it into a
/// <see cref="WebIdentity"/>. Two kinds: (a) identity-pool OpenID tokens (GetOpenIdToken), RS256-signed by an
/// <see cref="OpenIdTokenKey"/>, <c>iss</c> = <see cref="IdentityIssuer"/>, principal
/// <c>cognito-identity.amazonaws.com</c>, keys <c>:aud</c> (pool id), <c>:sub</c> (identity id), <c>:amr</c>; (b) ID
/// tokens of an IAM OIDC provider: <c>iss</c> = <c>https://&lt;HostPath&gt;</c> (<c>http://</c> only for a loopback
/// host), <c>aud</c> one of its ClientIds, keys from discovery (<see cref="OidcKeySource"/>), or, for this server's
/// own user pools, from its own key store without HTTP. Checks, first failure wins: a JWT → ProviderId absent → a
/// known issuer → signature → not expired (injected clock) → audience → subject.
/// </summary>
internal sealed class WebIdentityTokenVerifier(
    AppDb db,
    SigningKeyStore poolKeys,
    PoolIssuer poolIssuer,
    OidcKeySource oidcKeys,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<WebIdentityTokenVerifier> logger)
{
    private static readonly JsonWebTokenHandler Handler = new();
    private static readonly ConcurrentDictionary<string, RsaSecurityKey> OpenIdKeys = new(StringComparer.Ordinal);

    /// <summary>The result: the identity, and STS's <c>Provider</c> for the response.</summary>
    public sealed record Verified(WebIdentity Identity, string ResponseProvider);

    /// <summary><c>Gatehouse:IdentityPools:OpenIdIssuer</c>, else <c>&lt;public base URL&gt;/cognito-identity</c>.</summary>
    public string IdentityIssuer() =>
        configuration["Gatehouse:IdentityPools:OpenIdIssuer"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : poolIssuer.PublicBaseUrl() + "/cognito-identity";

    public async Task<(Verified? Result, AwsError? Error)> VerifyAsync(string token, string? providerId, CancellationToken ct)
    {
        if (!Handler.CanReadToken(token))
        {
            return (null, AwsError.InvalidIdentityToken(StsMessages.NotJwt));
        }

        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return (null, AwsError.InvalidIdentityToken(StsMessages.NotJwt));
        }

        if (providerId is not null)
        {
            return (null, AwsError.InvalidParameterValue(StsMessages.ProviderIdWithOidc));
        }

        var issuer = jwt.TryGetPayloadValue<string>("iss", out var iss) ? iss ?? "" : "";
        return string.Equals(issuer, IdentityIssuer(), StringComparison.Ordinal)
            ? await IdentityPoolTokenAsync(token, jwt, issuer, ct)
            : await OidcTokenAsync(token, jwt, issuer, ct);
    }

    private async Task<(Verified?, AwsError?)> IdentityPoolTokenAsync(string token, JsonWebToken jwt, string issuer, CancellationToken ct)
    {
        var kid = jwt.Kid ?? "";
        var row = await db.OpenIdTokenKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Kid == kid, ct);
        if (row is null)
        {
            return Refuse(issuer, "unknown kid", AwsError.InvalidIdentityToken(StsMessages.UnknownKey));
        }

        var key = OpenIdKeys.GetOrAdd(row.Kid, _ => new RsaSecurityKey(new System.Security.Cryptography.RSAParameters
        {
            Modulus = Base64UrlEncoder.DecodeBytes(row.Modulus),
            Exponent = Base64UrlEncoder.DecodeBytes(row.Exponent),
        })
        { KeyId = row.Kid });
        if (await CheckAsync(token, jwt, issuer, [key]) is { } error)
        {
            return (null, error);
        }

        var audience = Audiences(jwt).FirstOrDefault() ?? "";
        var sub = Claim(jwt, "sub");
        if (sub.Length == 0)
        {
            return (null, AwsError.InvalidIdentityToken(StsMessages.MissingSubject));
        }

        const string p = RoleAssumption.CognitoIdentityProvider;
        var keys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            [$"{p}:aud"] = [audience],
            [$"{p}:sub"] = [sub],
            [$"{p}:amr"] = Strings(jwt, "amr"),
        };
        return (new Verified(new WebIdentity(p, sub, audience, keys), p), null);
    }

    private async Task<(Verified?, AwsError?)> OidcTokenAsync(string token, JsonWebToken jwt, string issuer, CancellationToken ct)
    {
        if (HostPath(issuer) is not { } hostPath
            || await db.IamOidcProviders.AsNoTracking().FirstOrDefaultAsync(o => o.HostPath == hostPath, ct) is not { } provider)
        {
            return Refuse(issuer, "no provider", AwsError.InvalidIdentityToken(StsMessages.NoProvider(issuer)));
        }

        var keys = await OwnPoolKeyAsync(issuer, jwt.Kid, ct) ?? await oidcKeys.KeysAsync(issuer, jwt.Kid, ct);
        if (keys is null)
        {
            return Refuse(issuer, "keys unavailable", AwsError.IdpCommunicationError(StsMessages.KeysUnavailable));
        }

        if (await CheckAsync(token, jwt, issuer, keys) is { } error)
        {
            return (null, error);
        }

        var clientIds = JsonSerializer.Deserialize(provider.ClientIds, StsSessionJsonContext.Default.ListString) ?? [];
        if (Audiences(jwt).FirstOrDefault(a => clientIds.Contains(a, StringComparer.Ordinal)) is not { } audience)
        {
            return Refuse(issuer, "audience", AwsError.InvalidIdentityToken(StsMessages.WrongAudience));
        }

        var sub = Claim(jwt, "sub");
        if (sub.Length == 0)
        {
            return (null, AwsError.InvalidIdentityToken(StsMessages.MissingSubject));
        }

        var context = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            [$"{hostPath}:aud"] = [audience],
            [$"{hostPath}:sub"] = [sub],
        };
        return (new Verified(new WebIdentity(hostPath, sub, audience, context), issuer), null);
    }

    /// <summary>Signature by one of <paramref name="keys"/> (RS256 only), then expiry by the injected clock.</summary>
    private async Task<AwsError?> CheckAsync(string token, JsonWebToken jwt, string issuer, IReadOnlyList<SecurityKey> keys)
    {
        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = keys,
            ValidIssuer = issuer,
            ValidateAudience = false,
            ValidateLifetime = false,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            TryAllIssuerSigningKeys = jwt.Kid is null,
        });
        if (!result.IsValid)
        {
            return Refuse(issuer, "signature", AwsError.InvalidIdentityToken(StsMessages.BadSignature)).Item2;
        }

        var now = clock.GetUtcNow();
        if (!jwt.TryGetPayloadValue<long>("exp", out var exp) || exp <= now.ToUnixTimeSeconds())
        {
            return Refuse(issuer, "expired", AwsError.ExpiredTokenException(
                StsMessages.TokenExpired(now, DateTimeOffset.FromUnixTimeSeconds(Math.Max(exp, 0))))).Item2;
        }

        return null;
    }

    /// <summary>This server's own user pool signs <paramref name="issuer"/>'s tokens: its published ID-token key.</summary>
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

    /// <summary>
    /// The IAM OIDC provider's host/path of an issuer URL, as CreateOpenIDConnectProvider names it
    /// (<see cref="Iam.IamOidcUrls"/>: https, or http for a loopback host); null for anything else.
    /// </summary>
    public static string? HostPath(string issuer) => Iam.IamOidcUrls.HostPath(issuer);

    private static IEnumerable<string> Audiences(JsonWebToken jwt) => jwt.Audiences ?? [];

    private static string Claim(JsonWebToken jwt, string name) =>
        jwt.TryGetPayloadValue<string>(name, out var value) ? value ?? "" : "";

    private static List<string> Strings(JsonWebToken jwt, string name)
    {
        if (jwt.TryGetPayloadValue<List<string>>(name, out var list) && list is not null)
        {
            return list;
        }

        return jwt.TryGetPayloadValue<string>(name, out var one) && one is not null ? [one] : [];
    }

    private (Verified?, AwsError?) Refuse(string issuer, string reason, AwsError error)
    {
        Log.WebIdentityTokenRefused(logger, issuer.Length > 200 ? issuer[..200] : issuer, reason);
        return (null, error);
    }
}
