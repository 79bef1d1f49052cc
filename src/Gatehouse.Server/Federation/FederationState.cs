namespace Gatehouse.Server.Federation;

/// <summary>
/// What a sign-in through an external provider carries to the provider and back, sealed (purpose
/// <c>federation-state</c>, <see cref="FederationStates"/>): the OIDC <c>state</c> parameter or the SAML
/// <c>RelayState</c>. <see cref="Id"/> is random and recorded as used when the answer comes back, so a state works
/// once on any node. <see cref="Authorize"/> is the original <c>/oauth2/authorize</c> request's parameters by wire
/// name; <see cref="Nonce"/> and <see cref="CodeVerifier"/> are what was sent upstream (OIDC nonce, PKCE), and
/// <see cref="RequestId"/> the SAML AuthnRequest's ID that the response's <c>InResponseTo</c> must name.
/// Format v1: this record's JSON; <see cref="ExpiresAt"/> in epoch milliseconds.
/// </summary>
internal sealed record FederationState(
    string Id,
    string PoolId,
    string ProviderName,
    Dictionary<string, string> Authorize,
    string? Nonce,
    string? CodeVerifier,
    string? RequestId,
    long ExpiresAt);
