using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace Gatehouse.ApiTests.Federation;

/// <summary>
/// A SAML IdP inside the test: its own RSA key and self-signed certificate, its metadata, and responses built as
/// text and signed with .NET's SignedXml (the test's side of the wire; the server checks them with its own code).
/// Attack tests change the options or the signed document.
/// </summary>
internal sealed class SamlTestIdp : IDisposable
{
    public const string EntityId = "https://idp.example.test/metadata";
    public const string SsoUrl = "https://idp.example.test/sso";
    private const string Saml = "urn:oasis:names:tc:SAML:2.0:assertion";

    public SamlTestIdp()
    {
        Key = RSA.Create(2048);
        var request = new CertificateRequest("CN=test-idp", Key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
    }

    public RSA Key { get; }

    public X509Certificate2 Certificate { get; }

    public string Metadata =>
        $"""
        <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="{EntityId}">
          <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
            <md:KeyDescriptor use="signing">
              <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>{Convert.ToBase64String(Certificate.RawData)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
            </md:KeyDescriptor>
            <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.test/slo"/>
            <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="{SsoUrl}"/>
          </md:IDPSSODescriptor>
        </md:EntityDescriptor>
        """;

    /// <summary>The response document; signed as the options say.</summary>
    public XmlDocument Response(SamlResponseOptions o)
    {
        var now = o.Now;
        var inResponseTo = o.InResponseTo is null ? "" : $" InResponseTo=\"{o.InResponseTo}\"";
        var destination = o.Destination is null ? "" : $" Destination=\"{o.Destination}\"";
        var attributes = string.Concat(o.Attributes.Select(a =>
            $"<saml:Attribute Name=\"{a.Key}\"><saml:AttributeValue>{a.Value}</saml:AttributeValue></saml:Attribute>"));
        var xml =
            $"<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" xmlns:saml=\"{Saml}\" ID=\"{o.ResponseId}\" Version=\"2.0\" IssueInstant=\"{Time(now)}\"{destination}{inResponseTo}>" +
            $"<saml:Issuer>{o.Issuer}</saml:Issuer>" +
            $"<samlp:Status><samlp:StatusCode Value=\"{o.Status}\"/></samlp:Status>" +
            $"<saml:Assertion ID=\"{o.AssertionId}\" Version=\"2.0\" IssueInstant=\"{Time(now)}\">" +
            $"<saml:Issuer>{o.Issuer}</saml:Issuer>" +
            $"<saml:Subject><saml:NameID Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress\">{o.NameIdXml}</saml:NameID>" +
            $"<saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\"><saml:SubjectConfirmationData NotOnOrAfter=\"{Time(now + o.Lifetime)}\" Recipient=\"{o.Recipient}\"{inResponseTo}/></saml:SubjectConfirmation></saml:Subject>" +
            $"<saml:Conditions NotBefore=\"{Time(o.NotBefore ?? now - TimeSpan.FromSeconds(5))}\" NotOnOrAfter=\"{Time(now + o.Lifetime)}\"><saml:AudienceRestriction><saml:Audience>{o.Audience}</saml:Audience></saml:AudienceRestriction></saml:Conditions>" +
            $"<saml:AuthnStatement AuthnInstant=\"{Time(now)}\"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:Password</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>" +
            $"<saml:AttributeStatement>{attributes}</saml:AttributeStatement>" +
            "</saml:Assertion></samlp:Response>";
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(xml);
        var signer = o.Signer ?? Key;
        if (o.SignAssertion)
        {
            Sign(Assertion(document), signer, o.SignatureMethod, o.DigestMethod);
        }

        if (o.SignResponse)
        {
            Sign(document.DocumentElement!, signer, o.SignatureMethod, o.DigestMethod);
        }

        return document;
    }

    public static XmlElement Assertion(XmlDocument document) =>
        (XmlElement)document.GetElementsByTagName("Assertion", Saml)[0]!;

    /// <summary>An enveloped signature of <paramref name="element"/> by its ID, placed after its Issuer.</summary>
    public void Sign(XmlElement element, RSA key, string signatureMethod = SignedXml.XmlDsigRSASHA256Url,
        string digestMethod = SignedXml.XmlDsigSHA256Url)
    {
        var signed = new SignedXml(element) { SigningKey = key };
        signed.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        signed.SignedInfo.SignatureMethod = signatureMethod;
        var reference = new Reference("#" + element.GetAttribute("ID")) { DigestMethod = digestMethod };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signed.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(ReferenceEquals(key, Key) ? Certificate : SelfSigned(key)));
        signed.KeyInfo = keyInfo;
        signed.ComputeSignature();
        var issuer = element.GetElementsByTagName("Issuer", Saml).OfType<XmlElement>().First(e => e.ParentNode == element);
        element.InsertAfter(element.OwnerDocument.ImportNode(signed.GetXml(), true), issuer);
    }

    /// <summary>Replaces the assertion with an EncryptedAssertion to <paramref name="recipient"/> (RSA-OAEP, AES-256-CBC).</summary>
    public static void Encrypt(XmlDocument document, X509Certificate2 recipient)
    {
        var assertion = Assertion(document);
        using var aes = Aes.Create();
        aes.KeySize = 256;
        var data = new EncryptedData
        {
            Type = EncryptedXml.XmlEncElementUrl,
            EncryptionMethod = new EncryptionMethod(EncryptedXml.XmlEncAES256Url),
        };
        using var rsa = recipient.GetRSAPublicKey()!;
        var key = new EncryptedKey
        {
            EncryptionMethod = new EncryptionMethod(EncryptedXml.XmlEncRSAOAEPUrl),
            CipherData = new CipherData(EncryptedXml.EncryptKey(aes.Key, rsa, useOAEP: true)),
        };
        data.KeyInfo.AddClause(new KeyInfoEncryptedKey(key));
        data.CipherData.CipherValue = new EncryptedXml().EncryptData(assertion, aes, content: false);
        var wrapper = document.CreateElement("saml", "EncryptedAssertion", Saml);
        wrapper.AppendChild(document.ImportNode(data.GetXml(), true));
        assertion.ParentNode!.ReplaceChild(wrapper, assertion);
    }

    public static string Encode(XmlDocument document) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(document.OuterXml));

    public void Dispose()
    {
        Certificate.Dispose();
        Key.Dispose();
    }

    private static X509Certificate2 SelfSigned(RSA key) =>
        new CertificateRequest("CN=attacker", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));

    private static string Time(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}

/// <summary>What a test response says; the defaults make a valid SP-initiated response once the flow's values are set.</summary>
internal sealed record SamlResponseOptions(DateTimeOffset Now, string? InResponseTo, string? Destination, string Recipient, string Audience)
{
    public string ResponseId { get; init; } = "_r" + Guid.NewGuid().ToString("N");

    public string AssertionId { get; init; } = "_a" + Guid.NewGuid().ToString("N");

    public string Issuer { get; init; } = SamlTestIdp.EntityId;

    public string Status { get; init; } = "urn:oasis:names:tc:SAML:2.0:status:Success";

    /// <summary>The NameID's content as XML (so a test can put a comment in it).</summary>
    public string NameIdXml { get; init; } = "alice@example.test";

    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(5);

    public DateTimeOffset? NotBefore { get; init; }

    public Dictionary<string, string> Attributes { get; init; } = new() { ["email"] = "alice@example.test", ["displayName"] = "Alice Example" };

    public bool SignAssertion { get; init; } = true;

    public bool SignResponse { get; init; }

    public RSA? Signer { get; init; }

    public string SignatureMethod { get; init; } = SignedXml.XmlDsigRSASHA256Url;

    public string DigestMethod { get; init; } = SignedXml.XmlDsigSHA256Url;
}
