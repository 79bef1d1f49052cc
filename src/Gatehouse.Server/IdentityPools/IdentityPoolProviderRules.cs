using System.Text.RegularExpressions;
using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Iam;
using Gatehouse.Server.Tokens;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// The checks of an identity pool's login providers that the model cannot express, in the order Create and Update
/// run them; the first failure wins. Each answers InvalidParameterException, as Cognito does for a bad provider.
/// </summary>
internal sealed partial class IdentityPoolProviderRules(PoolIssuer issuer, IOptions<InstanceOptions> instance)
{
    /// <summary>The keys CreateIdentityPool's documentation lists for SupportedLoginProviders.</summary>
    public static readonly IReadOnlyList<string> SocialProviders =
    [
        "graph.facebook.com", "accounts.google.com", "www.amazon.com", "appleid.apple.com", "api.twitter.com",
        "www.digits.com",
    ];

    public AwsError? Check(IdentityPoolProviders providers) =>
        RejectUnknownSocialProviders(providers)
        ?? RejectForeignOidcProviders(providers)
        ?? RejectBadCognitoProviders(providers)
        ?? RejectDuplicateCognitoProviders(providers)
        ?? RejectForeignSamlProviders(providers);

    private static AwsError? RejectUnknownSocialProviders(IdentityPoolProviders providers) =>
        providers.SupportedLoginProviders?.Keys.FirstOrDefault(k => !SocialProviders.Contains(k)) is { } unknown
            ? AwsError.InvalidParameter(IdentityPoolMessages.UnsupportedLoginProvider(unknown))
            : null;

    private AwsError? RejectForeignOidcProviders(IdentityPoolProviders providers)
    {
        var arns = providers.OpenIdConnectProviderARNs ?? [];
        if (arns.FirstOrDefault(a => IamArns.OidcHostPath(a, instance.Value.AccountId) is null) is { } foreign)
        {
            return AwsError.InvalidParameter(IdentityPoolMessages.InvalidOidcProviderArn(foreign));
        }

        return arns.Distinct(StringComparer.Ordinal).Count() != arns.Count
            ? AwsError.InvalidParameter(IdentityPoolMessages.DuplicateOidcProviderArn)
            : null;
    }

    private AwsError? RejectBadCognitoProviders(IdentityPoolProviders providers)
    {
        foreach (var provider in providers.CognitoIdentityProviders ?? [])
        {
            if (provider.ProviderName is not { Length: > 0 } name || provider.ClientId is not { Length: > 0 })
            {
                return AwsError.InvalidParameter(IdentityPoolMessages.CognitoProviderIncomplete);
            }

            if (!IsUserPoolProviderName(name))
            {
                return AwsError.InvalidParameter(IdentityPoolMessages.InvalidCognitoProviderName(name, OwnIssuerExample()));
            }
        }

        return null;
    }

    private static AwsError? RejectDuplicateCognitoProviders(IdentityPoolProviders providers)
    {
        var seen = new HashSet<(string, string)>();
        foreach (var provider in providers.CognitoIdentityProviders ?? [])
        {
            // Both are set: RejectBadCognitoProviders ran first.
            if (!seen.Add((provider.ProviderName!, provider.ClientId!)))
            {
                return AwsError.InvalidParameter(
                    IdentityPoolMessages.DuplicateCognitoProvider(provider.ProviderName!, provider.ClientId!));
            }
        }

        return null;
    }

    private AwsError? RejectForeignSamlProviders(IdentityPoolProviders providers)
    {
        var arns = providers.SamlProviderARNs ?? [];
        var prefix = $"arn:aws:iam::{instance.Value.AccountId}:saml-provider/";
        if (arns.FirstOrDefault(a => !a.StartsWith(prefix, StringComparison.Ordinal)
                || !SamlProviderName().IsMatch(a[prefix.Length..])) is { } foreign)
        {
            return AwsError.InvalidParameter(IdentityPoolMessages.InvalidSamlProviderArn(foreign));
        }

        return arns.Distinct(StringComparer.Ordinal).Count() != arns.Count
            ? AwsError.InvalidParameter(IdentityPoolMessages.DuplicateSamlProviderArn)
            : null;
    }

    /// <summary>
    /// A user pool's provider name is its issuer without the scheme: Cognito's
    /// <c>cognito-idp.&lt;region&gt;.amazonaws.com/&lt;pool id&gt;</c>, whose region must be the pool id's, or this
    /// server's own issuer for that pool (<see cref="PoolIssuer"/>), which is what a Gatehouse ID token's <c>iss</c>
    /// carries and so what a client puts in its Logins map.
    /// </summary>
    private bool IsUserPoolProviderName(string name)
    {
        if (CognitoIdpProviderName().Match(name) is { Success: true } match)
        {
            return string.Equals(match.Groups["region"].Value, match.Groups["poolRegion"].Value, StringComparison.Ordinal);
        }

        var slash = name.LastIndexOf('/');
        if (slash <= 0 || !UserPoolId().IsMatch(name[(slash + 1)..]))
        {
            return false;
        }

        return string.Equals(WithoutScheme(issuer.For(name[(slash + 1)..])), name, StringComparison.Ordinal);
    }

    private string OwnIssuerExample() => WithoutScheme(issuer.For($"{instance.Value.Region}_EXAMPLE12"));

    private static string WithoutScheme(string url)
    {
        var separator = url.IndexOf("://", StringComparison.Ordinal);
        return separator < 0 ? url : url[(separator + 3)..];
    }

    [GeneratedRegex(@"^cognito-idp\.(?<region>[a-z]{2}(-gov)?-[a-z]+-\d)\.amazonaws\.com/(?<poolRegion>[\w-]+)_[0-9a-zA-Z]+$")]
    private static partial Regex CognitoIdpProviderName();

    /// <summary>The model's UserPoolIdType pattern (cognito-idp).</summary>
    [GeneratedRegex(@"^[\w-]+_[0-9a-zA-Z]+$")]
    private static partial Regex UserPoolId();

    /// <summary>IAM's SAML provider name: 1..128 of <c>\w._-</c> (CreateSAMLProvider, Name).</summary>
    [GeneratedRegex(@"^[\w._-]{1,128}$")]
    private static partial Regex SamlProviderName();
}
