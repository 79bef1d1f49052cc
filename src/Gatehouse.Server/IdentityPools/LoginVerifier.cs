using System.Text.Json;
using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Iam;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Sts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// Verifies every token of a Logins map before anything is written, in the map's order; the first failure wins and
/// is a NotAuthorizedException (ExternalServiceException when a provider's keys can't be fetched). The key says
/// which kind of provider the pool must have configured: <c>cognito-identity.amazonaws.com</c> (this pool's own
/// OpenID token), a CognitoIdentityProvider's ProviderName (<see cref="UserPoolLogin"/>), the host/path of an
/// OpenIdConnectProviderARN (<see cref="OidcLogin"/>, the IAM provider's client ids), or a SupportedLoginProviders
/// domain: Google and Apple are OIDC; Facebook, Login with Amazon, Twitter and Digits take access tokens that only
/// their own APIs can check, which this server cannot reach, so they are refused by name. SAML assertions are not
/// accepted either. Any other key is a provider the pool does not support.
/// </summary>
internal sealed class LoginVerifier(
    AppDb db,
    UserPoolLogin userPools,
    OidcLogin oidc,
    CognitoIdentityLogin cognitoIdentity,
    IOptions<IdentityPoolSignInOptions> options,
    IOptions<InstanceOptions> instance,
    ILogger<LoginVerifier> logger)
{
    private static readonly string[] UnreachableProviders =
        ["graph.facebook.com", "www.amazon.com", "api.twitter.com", "www.digits.com"];

    public async Task<(List<VerifiedLogin>? Logins, AwsError? Error)> VerifyAsync(
        IdentityPoolRecord pool, IReadOnlyDictionary<string, string>? logins, CancellationToken ct)
    {
        var verified = new List<VerifiedLogin>();
        if (logins is null or { Count: 0 })
        {
            return (verified, null);
        }

        var providers = IdentityPoolSettings.Providers(pool);
        foreach (var (name, token) in logins)
        {
            var (login, error) = await VerifyOneAsync(pool, providers, name, token, ct);
            if (error is not null)
            {
                Log.LoginRefused(logger, pool.Id, name.Length > 200 ? name[..200] : name, error.Type);
                return (null, error);
            }

            // Not null: VerifyOneAsync returns a login whenever it returns no error.
            verified.Add(login!);
        }

        return (verified, null);
    }

    private async Task<(VerifiedLogin?, AwsError?)> VerifyOneAsync(
        IdentityPoolRecord pool, IdentityPoolProviders providers, string name, string token, CancellationToken ct)
    {
        if (string.Equals(name, CognitoIdentityLogin.ProviderName, StringComparison.Ordinal))
        {
            return await cognitoIdentity.VerifyAsync(pool, token, ct);
        }

        if (string.Equals(name, pool.DeveloperProviderName, StringComparison.Ordinal))
        {
            return (null, AwsError.NotAuthorized(SignInMessages.DeveloperProviderInLogins));
        }

        var userPoolEntries = (providers.CognitoIdentityProviders ?? [])
            .Where(p => string.Equals(p.ProviderName, name, StringComparison.Ordinal)).ToList();
        if (userPoolEntries.Count > 0)
        {
            return await userPools.VerifyAsync(name, token, userPoolEntries, ct);
        }

        var account = instance.Value.AccountId;
        if ((providers.OpenIdConnectProviderARNs ?? []).Any(a =>
                string.Equals(IamArns.OidcHostPath(a, account), name, StringComparison.Ordinal)))
        {
            return await IamOidcAsync(name, token, ct);
        }

        if (providers.SupportedLoginProviders?.TryGetValue(name, out var appIds) == true)
        {
            return await SocialAsync(name, token, appIds, ct);
        }

        return (providers.SamlProviderARNs ?? []).Contains(name, StringComparer.Ordinal)
            ? (null, AwsError.NotAuthorized(SignInMessages.NotSupportedHere("SAML")))
            : (null, AwsError.NotAuthorized(SignInMessages.UnsupportedProvider));
    }

    private async Task<(VerifiedLogin?, AwsError?)> IamOidcAsync(string hostPath, string token, CancellationToken ct)
    {
        if (await db.IamOidcProviders.AsNoTracking().FirstOrDefaultAsync(o => o.HostPath == hostPath, ct) is not { } row)
        {
            // Listed by the pool but since deleted from IAM.
            return (null, AwsError.NotAuthorized(SignInMessages.UnsupportedProvider));
        }

        var clientIds = JsonSerializer.Deserialize(row.ClientIds, StsSessionJsonContext.Default.ListString) ?? [];
        List<string> issuers = ["https://" + hostPath];
        if (Uri.TryCreate("http://" + hostPath, UriKind.Absolute, out var http) && http.IsLoopback)
        {
            issuers.Add(http.GetLeftPart(UriPartial.Authority) + http.AbsolutePath.TrimEnd('/'));
        }

        return await oidc.VerifyAsync(hostPath, token, issuers, clientIds, ct);
    }

    private async Task<(VerifiedLogin?, AwsError?)> SocialAsync(string name, string token, string appIds, CancellationToken ct)
    {
        var issuer = name switch
        {
            "accounts.google.com" => options.Value.GoogleIssuer.TrimEnd('/'),
            "appleid.apple.com" => options.Value.AppleIssuer.TrimEnd('/'),
            _ => null,
        };
        if (issuer is null)
        {
            return UnreachableProviders.Contains(name, StringComparer.Ordinal)
                ? (null, AwsError.NotAuthorized(SignInMessages.NotSupportedHere(name)))
                : (null, AwsError.NotAuthorized(SignInMessages.UnsupportedProvider));
        }

        // Google's ID tokens carry iss with or without the scheme (Google Identity, "Verify the integrity of the ID token").
        string[] issuers = [issuer, LoginClaims.WithoutScheme(issuer)];
        var audiences = appIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return await oidc.VerifyAsync(name, token, issuers, audiences, ct);
    }
}
