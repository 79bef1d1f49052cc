using System.Xml;

namespace Gatehouse.Server.Federation.Saml;

/// <summary>
/// The one way SAML documents (metadata, responses, decrypted assertions) are parsed: no DTD (a DOCTYPE is refused,
/// so no external entities and no entity expansion: XXE and billion laughs fail at once), no resolver, a character
/// cap, and whitespace kept so that signed content canonicalizes as it was signed.
/// </summary>
internal static class SamlXml
{
    public const string Protocol = "urn:oasis:names:tc:SAML:2.0:protocol";
    public const string Assertion = "urn:oasis:names:tc:SAML:2.0:assertion";
    public const string Metadata = "urn:oasis:names:tc:SAML:2.0:metadata";
    public const string DSig = "http://www.w3.org/2000/09/xmldsig#";
    public const string XmlEnc = "http://www.w3.org/2001/04/xmlenc#";
    public const string RedirectBinding = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    public const string PostBinding = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    public const string Success = "urn:oasis:names:tc:SAML:2.0:status:Success";

    /// <summary>The most characters a SAML document may have (a response is capped before at 200 KB of base64).</summary>
    public const long MaxCharacters = 1_000_000;

    /// <summary>The document, or null when it is not well-formed XML within the rules above.</summary>
    public static XmlDocument? Load(string text)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharacters,
            MaxCharactersFromEntities = 0,
            IgnoreProcessingInstructions = false,
        };
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            document.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }

        return document.DocumentElement is null ? null : document;
    }

    public static bool Is(XmlElement element, string ns, string localName) =>
        string.Equals(element.NamespaceURI, ns, StringComparison.Ordinal)
        && string.Equals(element.LocalName, localName, StringComparison.Ordinal);

    /// <summary>The direct child elements of <paramref name="parent"/> with this name.</summary>
    public static IEnumerable<XmlElement> Children(XmlElement parent, string ns, string localName) =>
        parent.ChildNodes.OfType<XmlElement>()
            .Where(e => string.Equals(e.NamespaceURI, ns, StringComparison.Ordinal)
                && string.Equals(e.LocalName, localName, StringComparison.Ordinal));

    public static XmlElement? Child(XmlElement? parent, string ns, string localName) =>
        parent is null ? null : Children(parent, ns, localName).FirstOrDefault();

    /// <summary>
    /// The element's text when it holds only text (no comment, processing instruction or child element, which could
    /// make the signed text differ from what a naive reader takes: security-suite, comment in NameID); null otherwise.
    /// </summary>
    public static string? PlainText(XmlElement? element)
    {
        if (element is null || element.ChildNodes.OfType<XmlNode>()
                .Any(n => n.NodeType is not (XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)))
        {
            return null;
        }

        return element.InnerText.Trim();
    }
}
