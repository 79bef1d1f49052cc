using System.Security.Cryptography.X509Certificates;

namespace Gatehouse.Server.Federation.Saml;

/// <summary>
/// What a SAML response is checked against: the pool (audience), the ACS URL (recipient, destination), the
/// provider's metadata (issuer, certificates), the AuthnRequest ID it must answer (null for IdP-initiated sign-in,
/// when it must answer none) and, when the provider has <c>EncryptedResponses</c>, the certificate to decrypt with.
/// </summary>
internal sealed record SamlResponseCheck(
    string PoolId, string AcsUrl, SamlMetadata Metadata, string? RequestId, X509Certificate2? DecryptionCertificate);

/// <summary>The verified assertion, or the reason (for the log) and whether the IdP itself reported a failure.</summary>
internal sealed record SamlResponseOutcome(SamlAssertion? Assertion, string? Reason, bool IdpFailure = false)
{
    public static SamlResponseOutcome Refused(string reason) => new(null, reason);
}
