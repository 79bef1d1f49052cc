using Gatehouse.Server.HostedUi;

namespace Gatehouse.Server.Federation.Saml;

/// <summary>
/// The pool's side of SAML, as Cognito names it: the SP entity id <c>urn:amazon:cognito:sp:&lt;poolId&gt;</c> (the
/// AuthnRequest's Issuer and the Audience an assertion must name) and the assertion consumer service
/// <c>&lt;pool domain&gt;/saml2/idpresponse</c> (the Recipient and Destination a response must name).
/// </summary>
internal static class SamlServiceProvider
{
    public const string AcsPath = "/saml2/idpresponse";
    public const string MetadataPath = "/saml2/metadata";

    public static string EntityId(string poolId) => "urn:amazon:cognito:sp:" + poolId;

    public static string AcsUrl(PoolDomainContext domain) => domain.Url(AcsPath);
}
