using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// The <c>IdentityPool</c> shape of a stored pool, as Create, Describe and Update answer. Empty provider lists and
/// maps are left out; <c>AllowClassicFlow</c> is always there (false by default) and so is <c>IdentityPoolTags</c>
/// (<c>{}</c> when there are none), as Cognito answers.
/// </summary>
internal static class IdentityPoolView
{
    public static IdentityPool Describe(IdentityPoolRecord pool)
    {
        var providers = IdentityPoolSettings.Providers(pool);
        return new IdentityPool
        {
            IdentityPoolId = pool.Id,
            IdentityPoolName = pool.Name,
            AllowUnauthenticatedIdentities = pool.AllowUnauthenticated,
            AllowClassicFlow = pool.AllowClassicFlow,
            SupportedLoginProviders = providers.SupportedLoginProviders is { Count: > 0 } social ? social : null,
            DeveloperProviderName = pool.DeveloperProviderName,
            OpenIdConnectProviderARNs = providers.OpenIdConnectProviderARNs is { Count: > 0 } oidc ? oidc : null,
            CognitoIdentityProviders = providers.CognitoIdentityProviders is { Count: > 0 } cognito ? cognito : null,
            SamlProviderARNs = providers.SamlProviderARNs is { Count: > 0 } saml ? saml : null,
            IdentityPoolTags = IdentityPoolSettings.Tags(pool),
        };
    }

    /// <summary>
    /// The providers of a Create or Update request, with ServerSideTokenCheck spelled out (default false). JSON nulls
    /// inside the lists and maps (which the model check passes over) are dropped, as if they had not been sent.
    /// </summary>
    public static IdentityPoolProviders Providers(
        IReadOnlyDictionary<string, string>? social,
        IReadOnlyList<string>? oidc,
        IReadOnlyList<CognitoIdentityProvider>? cognito,
        IReadOnlyList<string>? saml)
    {
        var socialMap = (social ?? new Dictionary<string, string>()).Where(kv => kv.Value is not null)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        List<string> oidcList = [.. (oidc ?? []).OfType<string>()];
        List<CognitoIdentityProvider> cognitoList = [.. (cognito ?? []).OfType<CognitoIdentityProvider>()
            .Select(p => p with { ServerSideTokenCheck = p.ServerSideTokenCheck ?? false })];
        List<string> samlList = [.. (saml ?? []).OfType<string>()];
        return new IdentityPoolProviders
        {
            SupportedLoginProviders = socialMap.Count > 0 ? socialMap : null,
            OpenIdConnectProviderARNs = oidcList.Count > 0 ? oidcList : null,
            CognitoIdentityProviders = cognitoList.Count > 0 ? cognitoList : null,
            SamlProviderARNs = samlList.Count > 0 ? samlList : null,
        };
    }
}
