using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;

namespace Gatehouse.Server.Federation.Saml;

/// <summary>
/// Opens an EncryptedAssertion (SAML Core §2.3.4) with the pool's encryption certificate, using
/// <see cref="EncryptedXml"/> for the key transport and the data. Only RSA-OAEP key transport is taken (RSA v1.5 is
/// open to padding-oracle attacks) and AES-CBC data. The plaintext is parsed as its own document by
/// <see cref="SamlXml.Load"/> (no DTD) rather than by <see cref="EncryptedXml.ReplaceData"/>, whose parser would
/// accept a DOCTYPE; the caller checks the assertion's signature in that document.
/// </summary>
internal static class SamlDecryption
{
    private static readonly string[] KeyAlgorithms = [EncryptedXml.XmlEncRSAOAEPUrl];

    private static readonly string[] DataAlgorithms =
        [EncryptedXml.XmlEncAES128Url, EncryptedXml.XmlEncAES192Url, EncryptedXml.XmlEncAES256Url];

    /// <summary>The decrypted document (its root should be the Assertion), or null.</summary>
    public static XmlDocument? Decrypt(XmlElement encryptedAssertion, X509Certificate2 certificate)
    {
        if (SamlXml.Child(encryptedAssertion, SamlXml.XmlEnc, "EncryptedData") is not { } dataElement)
        {
            return null;
        }

        // The EncryptedKey is in the EncryptedData's KeyInfo or beside the EncryptedData; both are allowed.
        var keyElement = dataElement.GetElementsByTagName("EncryptedKey", SamlXml.XmlEnc).OfType<XmlElement>().FirstOrDefault()
            ?? SamlXml.Child(encryptedAssertion, SamlXml.XmlEnc, "EncryptedKey");
        if (keyElement is null)
        {
            return null;
        }

        try
        {
            var data = new EncryptedData();
            data.LoadXml(dataElement);
            var key = new EncryptedKey();
            key.LoadXml(keyElement);
            if (!KeyAlgorithms.Contains(key.EncryptionMethod?.KeyAlgorithm, StringComparer.Ordinal)
                || !DataAlgorithms.Contains(data.EncryptionMethod?.KeyAlgorithm, StringComparer.Ordinal)
                || key.CipherData?.CipherValue is not { } wrapped)
            {
                return null;
            }

            using var rsa = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("No private key.");
            using var aes = Aes.Create();
            aes.Key = EncryptedXml.DecryptKey(wrapped, rsa, useOAEP: true);
            var plain = new EncryptedXml().DecryptData(data, aes);
            return SamlXml.Load(Encoding.UTF8.GetString(plain));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            // Not for this key, tampered with, or malformed base64 in the cipher values.
            return null;
        }
    }
}
