using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace Gatehouse.Server.Federation.Saml;

/// <summary>
/// Checks the enveloped signature of one SAML element (a Response or an Assertion) with
/// <see cref="SignedXml"/>, against the IdP metadata's certificates only: a certificate or key in the signature's
/// KeyInfo is never used (security-suite, cert only in KeyInfo). Beyond what SignedXml checks, the signature must
/// be the element's own (a direct child), have exactly one Reference, and that Reference must be <c>#</c> + the
/// element's own ID, so that the element that was verified is the element that is read (XML signature wrapping:
/// the caller also refuses documents with duplicate IDs, so <c>#ID</c> resolves to this element and no other).
/// Algorithms are allow-listed: RSA with SHA-256/384/512, digests SHA-256/384/512, the enveloped-signature and
/// canonicalization transforms without comments; SHA-1, HMAC and XSLT/XPath transforms are refused.
/// </summary>
internal static class SamlSignature
{
    private static readonly string[] SignatureMethods =
        [SignedXml.XmlDsigRSASHA256Url, SignedXml.XmlDsigRSASHA384Url, SignedXml.XmlDsigRSASHA512Url];

    private static readonly string[] DigestMethods =
        [SignedXml.XmlDsigSHA256Url, SignedXml.XmlDsigSHA384Url, SignedXml.XmlDsigSHA512Url];

    private static readonly string[] Canonicalizations =
        [SignedXml.XmlDsigExcC14NTransformUrl, SignedXml.XmlDsigC14NTransformUrl];

    private static readonly string[] Transforms =
    [
        SignedXml.XmlDsigEnvelopedSignatureTransformUrl, SignedXml.XmlDsigExcC14NTransformUrl,
        SignedXml.XmlDsigC14NTransformUrl,
    ];

    public enum Outcome
    {
        Absent,
        Valid,
        Invalid,
    }

    public static Outcome Check(XmlElement element, IReadOnlyList<X509Certificate2> certificates)
    {
        var signatures = SamlXml.Children(element, SamlXml.DSig, "Signature").ToList();
        if (signatures.Count == 0)
        {
            return Outcome.Absent;
        }

        if (signatures.Count > 1 || element.GetAttribute("ID") is not { Length: > 0 } id)
        {
            return Outcome.Invalid;
        }

        var signed = new SignedXml(element);
        try
        {
            signed.LoadXml(signatures[0]);
            if (!Allowed(signed, id))
            {
                return Outcome.Invalid;
            }

            foreach (var certificate in certificates)
            {
                using var key = certificate.GetRSAPublicKey();
                if (key is not null && signed.CheckSignature(key))
                {
                    return Outcome.Valid;
                }
            }
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            // A malformed Signature element (bad base64 included), an unknown algorithm or a Reference that
            // resolves to nothing.
            return Outcome.Invalid;
        }

        return Outcome.Invalid;
    }

    private static bool Allowed(SignedXml signed, string id)
    {
        var info = signed.SignedInfo;
        if (info is null || !SignatureMethods.Contains(info.SignatureMethod, StringComparer.Ordinal)
            || !Canonicalizations.Contains(info.CanonicalizationMethod, StringComparer.Ordinal)
            || info.References.Count != 1 || info.References[0] is not Reference reference
            || !string.Equals(reference.Uri, "#" + id, StringComparison.Ordinal)
            || !DigestMethods.Contains(reference.DigestMethod, StringComparer.Ordinal))
        {
            return false;
        }

        for (var i = 0; i < reference.TransformChain.Count; i++)
        {
            if (!Transforms.Contains(reference.TransformChain[i].Algorithm, StringComparer.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
