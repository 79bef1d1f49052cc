namespace Gatehouse.Server.Storage;

/// <summary>
/// A pool's own SAML service-provider certificate: <see cref="Use"/> <c>signing</c> (signs AuthnRequests and
/// LogoutRequests; GetSigningCertificate returns it) or <c>encryption</c> (IdPs encrypt assertions to it when a
/// provider has <c>EncryptedResponses</c>). Key: pool and use, so two nodes creating the first one at once cannot
/// both win. <see cref="CertificateDer"/> is the self-signed X.509 certificate, base64 DER, in the clear;
/// <see cref="PrivateKeyProtected"/> is its RSA PKCS#8 private key, base64, encrypted with
/// <see cref="SecretProtector"/> (purpose <c>Saml.Certificate</c>), format v1.
/// </summary>
internal sealed class SamlCertificate
{
    public required string PoolId { get; set; }

    public required string Use { get; set; }

    public required string CertificateDer { get; set; }

    public required string PrivateKeyProtected { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
