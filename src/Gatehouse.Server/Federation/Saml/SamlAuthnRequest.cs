using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Xml;

namespace Gatehouse.Server.Federation.Saml;

/// <summary>
/// An AuthnRequest (SAML Core §3.4.1) sent with the HTTP-Redirect binding (SAML Bindings §3.4.4): the XML is
/// DEFLATE-compressed (raw, RFC 1951), base64-encoded and URL-encoded into <c>SAMLRequest</c>, beside
/// <c>RelayState</c>. When signed, <c>SigAlg</c> and <c>Signature</c> follow, the signature being over the octets
/// <c>SAMLRequest=…&amp;RelayState=…&amp;SigAlg=…</c> exactly as they appear in the query (§3.4.4.1); the
/// binding signs the query, not the XML, so there is no XML signature to make here.
/// </summary>
internal static class SamlAuthnRequest
{
    public const string RsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    public static string Xml(string id, DateTimeOffset now, string destination, string acsUrl, string spEntityId)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            writer.WriteStartElement("samlp", "AuthnRequest", SamlXml.Protocol);
            writer.WriteAttributeString("xmlns", "saml", null, SamlXml.Assertion);
            writer.WriteAttributeString("ID", id);
            writer.WriteAttributeString("Version", "2.0");
            writer.WriteAttributeString("IssueInstant",
                now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            writer.WriteAttributeString("Destination", destination);
            writer.WriteAttributeString("AssertionConsumerServiceURL", acsUrl);
            writer.WriteAttributeString("ProtocolBinding", SamlXml.PostBinding);
            writer.WriteElementString("saml", "Issuer", SamlXml.Assertion, spEntityId);
            writer.WriteStartElement("samlp", "NameIDPolicy", SamlXml.Protocol);
            writer.WriteAttributeString("Format", "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");
            writer.WriteAttributeString("AllowCreate", "true");
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return text.ToString();
    }

    /// <summary>The HTTP-Redirect query (without <c>?</c>), signed with <paramref name="signingKey"/> when given.</summary>
    public static string Query(string xml, string relayState, RSA? signingKey)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(Encoding.UTF8.GetBytes(xml));
        }

        var query = "SAMLRequest=" + Uri.EscapeDataString(Convert.ToBase64String(buffer.ToArray()))
            + "&RelayState=" + Uri.EscapeDataString(relayState);
        if (signingKey is null)
        {
            return query;
        }

        query += "&SigAlg=" + Uri.EscapeDataString(RsaSha256);
        var signature = signingKey.SignData(
            Encoding.UTF8.GetBytes(query), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return query + "&Signature=" + Uri.EscapeDataString(Convert.ToBase64String(signature));
    }

    /// <summary>A fresh request ID: an xsd:ID must not start with a digit, hence the underscore.</summary>
    public static string NewId() => "_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
}
