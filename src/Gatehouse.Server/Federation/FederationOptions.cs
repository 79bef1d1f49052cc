using System.ComponentModel.DataAnnotations;

namespace Gatehouse.Server.Federation;

/// <summary>
/// Federation settings, section <c>Gatehouse:Federation</c>. <see cref="Endpoints"/> points a social provider type
/// somewhere other than its real endpoints (a stand-in, an egress proxy): <c>Endpoints:Google:token_url</c>, env
/// <c>Gatehouse__Federation__Endpoints__Google__token_url</c>; keys are those of <see cref="SocialProviderEndpoints"/>.
/// CreateIdentityProvider and UpdateIdentityProvider write the effective endpoints into the provider's details, as
/// Cognito's DescribeIdentityProvider shows them.
/// </summary>
internal sealed class FederationOptions
{
    public const string Section = "Gatehouse:Federation";

    public Dictionary<string, Dictionary<string, string>> Endpoints { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long CreateIdentityProvider waits for an OIDC issuer's discovery document.</summary>
    [Range(1, 60)]
    public int DiscoveryTimeoutSeconds { get; set; } = 5;
}
