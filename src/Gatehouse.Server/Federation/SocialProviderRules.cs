using System.Security.Cryptography;
using Gatehouse.Server.AwsProtocol;

namespace Gatehouse.Server.Federation;

/// <summary>
/// ProviderDetails of Google, Facebook, LoginWithAmazon and SignInWithApple: the app's credentials and scopes from the
/// request; the endpoints Cognito adds (<c>authorize_url</c>, <c>token_url</c>, <c>attributes_url</c>...) always from
/// <see cref="SocialProviderEndpoints"/>, whatever the request sent for them (tools such as Terraform send back what
/// DescribeIdentityProvider showed). Apple signs in with a client secret made from <c>private_key</c>, so the key
/// must import as an EC P-256 key here rather than fail at the first sign-in.
/// </summary>
internal sealed class SocialProviderRules(SocialProviderEndpoints endpoints) : IProviderDetailsRules
{
    private const string DefaultFacebookVersion = "v17.0";

    private static readonly string[] AddedKeys =
    [
        "authorize_url", "token_url", "attributes_url", "attributes_url_add_attributes", "oidc_issuer", "jwks_uri",
        "token_request_method",
    ];

    public bool Handles(string providerType) => SocialProviderEndpoints.IsSocial(providerType);

    public Task<ProviderDetailsOutcome> CompleteAsync(
        string poolId, string providerName, string providerType, Dictionary<string, string> details, CancellationToken ct)
    {
        string[] required = providerType == SocialProviderEndpoints.SignInWithApple
            ? ["client_id", "team_id", "key_id", "private_key", "authorize_scopes"]
            : ["client_id", "client_secret", "authorize_scopes"];
        var allowed = new HashSet<string>(required.Concat(AddedKeys), StringComparer.Ordinal);
        if (providerType == SocialProviderEndpoints.Facebook)
        {
            allowed.Add("api_version");
        }

        if (ProviderDetailsKeys.Check(details, providerType, required, allowed) is { } error)
        {
            return Task.FromResult(new ProviderDetailsOutcome(null, error));
        }

        if (providerType == SocialProviderEndpoints.SignInWithApple && !IsAppleKey(details["private_key"]))
        {
            return Task.FromResult(new ProviderDetailsOutcome(null, AwsError.InvalidParameter(FederationMessages.BadApplePrivateKey)));
        }

        string? apiVersion = null;
        if (providerType == SocialProviderEndpoints.Facebook)
        {
            apiVersion = details.GetValueOrDefault("api_version") ?? DefaultFacebookVersion;
            if (!IsFacebookVersion(apiVersion))
            {
                return Task.FromResult(new ProviderDetailsOutcome(null, AwsError.InvalidParameter(FederationMessages.BadDetail("api_version"))));
            }

            details["api_version"] = apiVersion;
        }

        foreach (var key in AddedKeys)
        {
            details.Remove(key);
        }

        foreach (var (key, value) in endpoints.For(providerType, apiVersion))
        {
            details[key] = value;
        }

        return Task.FromResult(new ProviderDetailsOutcome(details, null));
    }

    private static bool IsFacebookVersion(string version) =>
        version.Length is >= 2 and <= 10 && version[0] == 'v' && version[1..].All(c => char.IsAsciiDigit(c) || c == '.');

    private static bool IsAppleKey(string privateKey)
    {
        try
        {
            using var key = ECDsa.Create();
            if (privateKey.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                key.ImportFromPem(privateKey);
            }
            else
            {
                key.ImportPkcs8PrivateKey(Convert.FromBase64String(privateKey), out _);
            }

            return key.KeySize == 256;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            return false;
        }
    }
}
