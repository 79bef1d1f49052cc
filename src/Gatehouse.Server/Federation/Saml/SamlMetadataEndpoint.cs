using System.Text;
using System.Xml;
using Gatehouse.Server.HostedUi;

namespace Gatehouse.Server.Federation.Saml;

/// <summary>
/// <c>GET /saml2/metadata</c>: the pool's SP metadata (SAML Metadata §2.4.4 SPSSODescriptor) for an IdP to import:
/// entity id <c>urn:amazon:cognito:sp:&lt;poolId&gt;</c>, the HTTP-POST assertion consumer service on this domain,
/// the signing certificate (AuthnRequests when <c>RequestSigningAlgorithm</c> is set) and the encryption certificate
/// (assertions when <c>EncryptedResponses</c> is set).
/// </summary>
internal static class SamlMetadataEndpoint
{
    public static async Task<IResult> GetAsync(HttpContext context, SamlCertificates certificates, CancellationToken ct)
    {
        var domain = context.PoolDomain();
        var signing = await certificates.GetBase64Async(domain.PoolId, SamlCertificates.Signing, ct);
        var encryption = await certificates.GetBase64Async(domain.PoolId, SamlCertificates.Encryption, ct);
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true }))
        {
            writer.WriteStartElement("md", "EntityDescriptor", SamlXml.Metadata);
            writer.WriteAttributeString("entityID", SamlServiceProvider.EntityId(domain.PoolId));
            writer.WriteStartElement("md", "SPSSODescriptor", SamlXml.Metadata);
            writer.WriteAttributeString("AuthnRequestsSigned", "false");
            writer.WriteAttributeString("WantAssertionsSigned", "true");
            writer.WriteAttributeString("protocolSupportEnumeration", SamlXml.Protocol);
            WriteKey(writer, "signing", signing);
            WriteKey(writer, "encryption", encryption);
            writer.WriteElementString("md", "NameIDFormat", SamlXml.Metadata,
                "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");
            writer.WriteStartElement("md", "AssertionConsumerService", SamlXml.Metadata);
            writer.WriteAttributeString("Binding", SamlXml.PostBinding);
            writer.WriteAttributeString("Location", SamlServiceProvider.AcsUrl(domain));
            writer.WriteAttributeString("index", "1");
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return Results.Text(text.ToString(), "application/samlmetadata+xml", Encoding.UTF8);
    }

    private static void WriteKey(XmlWriter writer, string use, string certificate)
    {
        writer.WriteStartElement("md", "KeyDescriptor", SamlXml.Metadata);
        writer.WriteAttributeString("use", use);
        writer.WriteStartElement("ds", "KeyInfo", SamlXml.DSig);
        writer.WriteStartElement("ds", "X509Data", SamlXml.DSig);
        writer.WriteElementString("ds", "X509Certificate", SamlXml.DSig, certificate);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }
}
