using System.Security.Cryptography.X509Certificates;
using Gatehouse.Server.HostedUi;
using Gatehouse.Server.OAuth;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Federation.Saml;

/// <summary>
/// SP-initiated sign-in (SAML Profiles §4.1): the browser goes to the IdP's HTTP-Redirect SSO endpoint
/// (<c>SSORedirectBindingURI</c>, taken from the metadata at CreateIdentityProvider) with an AuthnRequest whose ID
/// the sealed <see cref="FederationState"/> in <c>RelayState</c> remembers, so that <c>/saml2/idpresponse</c> takes
/// only the answer to this request (<c>InResponseTo</c>). With <c>RequestSigningAlgorithm</c> <c>rsa-sha256</c> the
/// request is signed with the pool's signing certificate (GetSigningCertificate).
/// </summary>
internal sealed class SamlSignIn(
    ProviderDetails details, FederationStates states, SamlCertificates certificates, TimeProvider clock,
    ILogger<SamlSignIn> logger) : IUpstreamSignIn
{
    public bool Handles(string providerType) => SamlProviderRules.IsSaml(providerType);

    public async Task<IResult> StartAsync(
        HttpContext context, IdentityProvider provider, ValidAuthorize authorize, CancellationToken ct)
    {
        var domain = context.PoolDomain();
        var values = details.Read(provider);
        if (values.GetValueOrDefault(SamlProviderRules.SsoKey) is not { Length: > 0 } sso)
        {
            return OAuthRedirects.Error(authorize.RedirectUri, authorize.Implicit, "server_error",
                SamlMessages.NoSsoEndpoint, authorize.Request.State);
        }

        var requestId = SamlAuthnRequest.NewId();
        var (_, relayState) = states.Issue(domain.PoolId, provider.ProviderName, authorize.Request, null, null, requestId);
        var xml = SamlAuthnRequest.Xml(requestId, clock.GetUtcNow(), sso, SamlServiceProvider.AcsUrl(domain),
            SamlServiceProvider.EntityId(domain.PoolId));
        string query;
        if (string.Equals(values.GetValueOrDefault(SamlProviderRules.SigningAlgorithmKey), "rsa-sha256", StringComparison.Ordinal))
        {
            using var certificate = await certificates.GetAsync(domain.PoolId, SamlCertificates.Signing, ct);
            using var key = certificate.GetRSAPrivateKey();
            query = SamlAuthnRequest.Query(xml, relayState, key);
        }
        else
        {
            query = SamlAuthnRequest.Query(xml, relayState, null);
        }

        Log.SamlRequestSent(logger, provider.ProviderName, domain.PoolId);
        return Results.Redirect(sso + (sso.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query);
    }
}
