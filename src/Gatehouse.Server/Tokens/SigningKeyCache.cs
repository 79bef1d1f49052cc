using System.Collections.Concurrent;
using System.Security.Cryptography;
using Gatehouse.Server.Storage;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Server.Tokens;

/// <summary>
/// Decrypted signing keys by <c>kid</c>. A stored key never changes (rotation adds a new one), so an entry is
/// valid for the life of the process; which key is current is read from the store on every use.
/// </summary>
internal sealed class SigningKeyCache(SecretProtector protector)
{
    public const string Purpose = "Tokens.SigningKey";
    private readonly ConcurrentDictionary<string, RsaSecurityKey> _private = new(StringComparer.Ordinal);

    public RsaSecurityKey PrivateKey(SigningKey key) => _private.GetOrAdd(key.Kid, _ =>
    {
        using var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(protector.Unprotect(Purpose, key.PrivateKeyProtected)), out int _);
        return new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: true)) { KeyId = key.Kid };
    });

    public static RsaSecurityKey PublicKey(SigningKey key) => new(new RSAParameters
    {
        Modulus = Base64UrlEncoder.DecodeBytes(key.Modulus),
        Exponent = Base64UrlEncoder.DecodeBytes(key.Exponent),
    })
    { KeyId = key.Kid };
}
