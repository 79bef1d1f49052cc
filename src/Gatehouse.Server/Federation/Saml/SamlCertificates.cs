using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Federation.Saml;

/// <summary>
/// The pool's own SP certificates (<see cref="SamlCertificate"/>): a self-signed RSA-2048 certificate per use,
/// made on first use. Two nodes making the first one at once both try to insert it; the primary key keeps one, and
/// the loser reads the winner's.
/// </summary>
internal sealed class SamlCertificates(AppDb db, SecretProtector protector, TimeProvider clock)
{
    public const string Signing = "signing";
    public const string Encryption = "encryption";
    public const string Purpose = "Saml.Certificate";

    /// <summary>The certificate with its private key.</summary>
    public async Task<X509Certificate2> GetAsync(string poolId, string use, CancellationToken ct)
    {
        var row = await db.SamlCertificates.AsNoTracking().FirstOrDefaultAsync(c => c.PoolId == poolId && c.Use == use, ct)
            ?? await CreateAsync(poolId, use, ct);
        var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(row.CertificateDer));
        using var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(protector.Unprotect(Purpose, row.PrivateKeyProtected)), out _);
        return certificate.CopyWithPrivateKey(rsa);
    }

    /// <summary>The certificate's DER, base64, as GetSigningCertificate and the metadata give it.</summary>
    public async Task<string> GetBase64Async(string poolId, string use, CancellationToken ct)
    {
        using var certificate = await GetAsync(poolId, use, ct);
        return Convert.ToBase64String(certificate.RawData);
    }

    private async Task<SamlCertificate> CreateAsync(string poolId, string use, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(
            "CN=urn:amazon:cognito:sp:" + poolId + ", OU=" + use, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            use == Signing ? X509KeyUsageFlags.DigitalSignature : X509KeyUsageFlags.KeyEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
        var row = new SamlCertificate
        {
            PoolId = poolId,
            Use = use,
            CertificateDer = Convert.ToBase64String(certificate.RawData),
            PrivateKeyProtected = protector.Protect(Purpose, Convert.ToBase64String(rsa.ExportPkcs8PrivateKey())),
            CreatedAt = now,
        };
        db.SamlCertificates.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return row;
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            db.Entry(row).State = EntityState.Detached;
            return await db.SamlCertificates.AsNoTracking().FirstAsync(c => c.PoolId == poolId && c.Use == use, ct);
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }
}
