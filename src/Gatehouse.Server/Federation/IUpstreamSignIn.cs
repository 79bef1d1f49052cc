using Gatehouse.Server.OAuth;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Federation;

/// <summary>
/// Sends the browser of a valid authorize request to an external provider: the OIDC and social types
/// (<c>Federation/</c>) redirect to the upstream's authorize URL, SAML (<c>Federation/Saml/</c>) sends an AuthnRequest.
/// Each seals a <see cref="FederationState"/> (<see cref="FederationStates.Issue"/>) that its callback opens and uses
/// once, and ends in <see cref="FederatedSignIn"/> and <see cref="FederatedCompletion"/>. <c>/oauth2/authorize</c>
/// (with <c>identity_provider</c> or <c>idp_identifier</c>) and the login page's buttons take whichever handles the
/// provider's type.
/// </summary>
internal interface IUpstreamSignIn
{
    bool Handles(string providerType);

    Task<IResult> StartAsync(HttpContext context, IdentityProvider provider, ValidAuthorize authorize, CancellationToken ct);
}
