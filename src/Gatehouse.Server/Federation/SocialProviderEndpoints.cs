using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Federation;

/// <summary>
/// The endpoints of the social provider types: the real ones Cognito's DescribeIdentityProvider shows, replaced key by
/// key by <see cref="FederationOptions.Endpoints"/>. <c>{api_version}</c> in a Facebook URL is the provider's
/// <c>api_version</c>. <c>jwks_uri</c> is kept in the details (the sign-in checks ID tokens with it) but, as in
/// Cognito's answers, not shown by DescribeIdentityProvider.
/// </summary>
internal sealed class SocialProviderEndpoints(IOptions<FederationOptions> options)
{
    public const string Google = "Google";
    public const string Facebook = "Facebook";
    public const string LoginWithAmazon = "LoginWithAmazon";
    public const string SignInWithApple = "SignInWithApple";

    /// <summary>The keys an instance setting may replace: URLs only.</summary>
    public static readonly string[] UrlKeys = ["authorize_url", "token_url", "attributes_url", "oidc_issuer", "jwks_uri"];

    private static readonly Dictionary<string, Dictionary<string, string>> Defaults = new(StringComparer.Ordinal)
    {
        [Google] = new(StringComparer.Ordinal)
        {
            ["authorize_url"] = "https://accounts.google.com/o/oauth2/v2/auth",
            ["token_url"] = "https://www.googleapis.com/oauth2/v4/token",
            ["attributes_url"] = "https://people.googleapis.com/v1/people/me?personFields=",
            ["attributes_url_add_attributes"] = "true",
            ["oidc_issuer"] = "https://accounts.google.com",
            ["jwks_uri"] = "https://www.googleapis.com/oauth2/v3/certs",
            ["token_request_method"] = "POST",
        },
        [Facebook] = new(StringComparer.Ordinal)
        {
            ["authorize_url"] = "https://www.facebook.com/{api_version}/dialog/oauth",
            ["token_url"] = "https://graph.facebook.com/{api_version}/oauth/access_token",
            ["attributes_url"] = "https://graph.facebook.com/{api_version}/me?fields=",
            ["attributes_url_add_attributes"] = "true",
            ["token_request_method"] = "GET",
        },
        [LoginWithAmazon] = new(StringComparer.Ordinal)
        {
            ["authorize_url"] = "https://www.amazon.com/ap/oa",
            ["token_url"] = "https://api.amazon.com/auth/o2/token",
            ["attributes_url"] = "https://api.amazon.com/user/profile",
            ["attributes_url_add_attributes"] = "false",
            ["token_request_method"] = "POST",
        },
        [SignInWithApple] = new(StringComparer.Ordinal)
        {
            ["authorize_url"] = "https://appleid.apple.com/auth/authorize",
            ["token_url"] = "https://appleid.apple.com/auth/token",
            ["attributes_url_add_attributes"] = "false",
            ["oidc_issuer"] = "https://appleid.apple.com",
            ["jwks_uri"] = "https://appleid.apple.com/auth/keys",
            ["token_request_method"] = "POST",
        },
    };

    /// <summary>Whether <paramref name="providerType"/> is a social type (not OIDC or SAML).</summary>
    public static bool IsSocial(string providerType) => Defaults.ContainsKey(providerType);

    /// <summary>The keys Cognito adds to a social provider's details, with this instance's overrides.</summary>
    public Dictionary<string, string> For(string providerType, string? apiVersion)
    {
        var endpoints = new Dictionary<string, string>(Defaults[providerType], StringComparer.Ordinal);
        if (options.Value.Endpoints.TryGetValue(providerType, out var overrides))
        {
            foreach (var (key, value) in overrides)
            {
                endpoints[key] = value;
            }
        }

        foreach (var key in endpoints.Keys.ToList())
        {
            endpoints[key] = endpoints[key].Replace("{api_version}", apiVersion ?? "", StringComparison.Ordinal);
        }

        return endpoints;
    }

    /// <summary>Startup check of <see cref="FederationOptions.Endpoints"/>: known types and keys, absolute URLs.</summary>
    public static bool Valid(FederationOptions options) =>
        options.Endpoints.All(type => Defaults.ContainsKey(type.Key) && type.Value.All(entry =>
            UrlKeys.Contains(entry.Key, StringComparer.Ordinal)
            && Uri.TryCreate(entry.Value.Replace("{api_version}", "v1", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            && uri.Scheme is "https" or "http"));
}
