using Gatehouse.Server.Iam;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// The names by which a pool's login providers are known: as Logins maps key them (a social provider's domain, an
/// OIDC provider's host/path, a user pool's provider name, a SAML provider's ARN), and as RoleMappings key them, where
/// a user pool is <c>&lt;ProviderName&gt;:&lt;ClientId&gt;</c> (SetIdentityPoolRoles, RoleMappings: "for example,
/// graph.facebook.com or cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi:app_client_id").
/// </summary>
internal static class IdentityPoolLoginProviders
{
    /// <summary>The provider names of the Logins map, which principal-tag maps are kept by.</summary>
    public static HashSet<string> LoginNames(IdentityPoolProviders providers, string accountId)
    {
        var names = Common(providers, accountId);
        names.UnionWith((providers.CognitoIdentityProviders ?? []).Select(p => p.ProviderName ?? ""));
        return names;
    }

    public static HashSet<string> RoleMappingKeys(IdentityPoolProviders providers, string accountId)
    {
        var names = Common(providers, accountId);
        names.UnionWith((providers.CognitoIdentityProviders ?? []).Select(p => $"{p.ProviderName}:{p.ClientId}"));
        return names;
    }

    private static HashSet<string> Common(IdentityPoolProviders providers, string accountId)
    {
        var names = new HashSet<string>(providers.SupportedLoginProviders?.Keys ?? [], StringComparer.Ordinal);
        names.UnionWith((providers.OpenIdConnectProviderARNs ?? [])
            .Select(a => IamArns.OidcHostPath(a, accountId)).OfType<string>());
        names.UnionWith(providers.SamlProviderARNs ?? []);
        return names;
    }
}
