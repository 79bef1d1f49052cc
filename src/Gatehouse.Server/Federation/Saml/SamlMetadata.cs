using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;

namespace Gatehouse.Server.Federation.Saml;

/// <summary>
/// What Gatehouse takes from an IdP's SAML metadata (SAML 2.0 Metadata §2.4.3 IDPSSODescriptor): its entity id, the
/// signing certificates that responses are checked against (and nothing else: never a certificate in a response's
/// KeyInfo), and the HTTP-Redirect single sign-on and single logout endpoints.
/// </summary>
internal sealed record SamlMetadata(
    string EntityId, IReadOnlyList<X509Certificate2> SigningCertificates, string SsoRedirectUrl, string? SloRedirectUrl)
{
    /// <summary>Cognito's limit on one signing certificate in metadata.</summary>
    private const int MaxCertificateLength = 4096;

    /// <summary>The metadata, or the message of the InvalidParameterException to answer.</summary>
    public static (SamlMetadata? Metadata, string? Error) Parse(string xml, DateTimeOffset now)
    {
        if (SamlXml.Load(xml) is not { DocumentElement: { } root })
        {
            return (null, SamlMessages.MetadataNotXml);
        }

        var entity = Is(root, "EntityDescriptor") ? root
            : Is(root, "EntitiesDescriptor") ? root.GetElementsByTagName("EntityDescriptor", SamlXml.Metadata).OfType<XmlElement>()
                .FirstOrDefault(e => SamlXml.Child(e, SamlXml.Metadata, "IDPSSODescriptor") is not null)
            : null;
        var idp = SamlXml.Child(entity, SamlXml.Metadata, "IDPSSODescriptor");
        if (entity is null || idp is null || entity.GetAttribute("entityID") is not { Length: > 0 } entityId)
        {
            return (null, SamlMessages.MetadataNoIdp);
        }

        var certificates = new List<X509Certificate2>();
        foreach (var key in SamlXml.Children(idp, SamlXml.Metadata, "KeyDescriptor"))
        {
            if (key.GetAttribute("use") is { Length: > 0 } use && !string.Equals(use, "signing", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var text in key.GetElementsByTagName("X509Certificate", SamlXml.DSig).OfType<XmlElement>())
            {
                if (ReadCertificate(text.InnerText) is not { } certificate)
                {
                    return (null, SamlMessages.MetadataBadCertificate);
                }

                if (certificate.NotAfter.ToUniversalTime() < now.UtcDateTime)
                {
                    return (null, SamlMessages.MetadataCertificateExpired);
                }

                certificates.Add(certificate);
            }
        }

        if (certificates.Count == 0)
        {
            return (null, SamlMessages.MetadataNoSigningCertificate);
        }

        if (Endpoint(idp, "SingleSignOnService") is not { } sso)
        {
            return (null, SamlMessages.MetadataNoSso);
        }

        return (new SamlMetadata(entityId, certificates, sso, Endpoint(idp, "SingleLogoutService")), null);
    }

    private static bool Is(XmlElement element, string localName) => SamlXml.Is(element, SamlXml.Metadata, localName);

    /// <summary>The HTTP-Redirect endpoint's absolute http(s) Location, if any.</summary>
    private static string? Endpoint(XmlElement idp, string name) =>
        SamlXml.Children(idp, SamlXml.Metadata, name)
            .Where(e => string.Equals(e.GetAttribute("Binding"), SamlXml.RedirectBinding, StringComparison.Ordinal))
            .Select(e => e.GetAttribute("Location"))
            .FirstOrDefault(l => Uri.TryCreate(l, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http");

    private static X509Certificate2? ReadCertificate(string base64)
    {
        var compact = string.Concat(base64.Where(c => !char.IsWhiteSpace(c)));
        if (compact.Length is 0 or > MaxCertificateLength)
        {
            return null;
        }

        try
        {
            var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(compact));
            return certificate.GetRSAPublicKey() is null ? null : certificate;
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null;
        }
    }
}
