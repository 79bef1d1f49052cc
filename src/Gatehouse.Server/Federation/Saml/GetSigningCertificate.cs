using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;

namespace Gatehouse.Server.Federation.Saml;

/// <summary>
/// GetSigningCertificate: the pool's SAML signing certificate, base64 DER, as Cognito returns it (the certificate
/// that signs AuthnRequests when a provider's RequestSigningAlgorithm is rsa-sha256); made on first use.
/// </summary>
internal sealed class GetSigningCertificate(AppDb db, SamlCertificates certificates) : IAwsHandler<GetSigningCertificateRequest>
{
    public async Task<AwsResult> HandleAsync(GetSigningCertificateRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is null)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.PoolNotFound(request.UserPoolId));
        }

        return AwsResult.Ok(new GetSigningCertificateResponse
        {
            Certificate = await certificates.GetBase64Async(request.UserPoolId, SamlCertificates.Signing, ct),
        });
    }
}
