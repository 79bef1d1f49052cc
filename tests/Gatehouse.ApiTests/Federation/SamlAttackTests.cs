using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Federation;

/// <summary>
/// security-suite rows 49-55: each response is refused (error page or error redirect, no code) and creates no user.
/// </summary>
public sealed class SamlAttackTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>, IDisposable
{
    private const string SamlNs = "urn:oasis:names:tc:SAML:2.0:assertion";
    private readonly SamlTestIdp _idp = new();

    public void Dispose() => _idp.Dispose();

    public static TheoryData<string> OptionAttacks() =>
    [
        "unsigned", "wrong-key", "rsa-sha1", "sha1-digest", "wrong-audience", "wrong-recipient", "wrong-destination",
        "wrong-issuer", "other-request", "status-failed", "not-yet-valid", "comment-in-nameid", "expired-lifetime",
    ];

    [Trait("SecurityRowPart", "50")]
    [Trait("SecurityRow", "51")]
    [Trait("SecurityRow", "54")]
    [Theory]
    [MemberData(nameof(OptionAttacks))]
    public async Task IdpResponse_BadResponse_Refused(string attack)
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp);
        var (request, relayState, _) = await saml.StartAsync();
        var valid = saml.Answer(request);
        using var attacker = RSA.Create(2048);
        var options = attack switch
        {
            "unsigned" => valid with { SignAssertion = false },
            // Signed by another key whose certificate is in KeyInfo: only the metadata's certificate counts.
            "wrong-key" => valid with { Signer = attacker },
            "rsa-sha1" => valid with { SignatureMethod = SignedXml.XmlDsigRSASHA1Url },
            "sha1-digest" => valid with { DigestMethod = SignedXml.XmlDsigSHA1Url },
            "wrong-audience" => valid with { Audience = "urn:amazon:cognito:sp:us-east-1_other0000" },
            "wrong-recipient" => valid with { Recipient = "https://evil.example/saml2/idpresponse" },
            "wrong-destination" => valid with { Destination = "https://evil.example/saml2/idpresponse" },
            "wrong-issuer" => valid with { Issuer = "https://evil.example/metadata" },
            "other-request" => valid with { InResponseTo = "_someotherrequest" },
            "status-failed" => valid with { Status = "urn:oasis:names:tc:SAML:2.0:status:Requester" },
            "not-yet-valid" => valid with { NotBefore = valid.Now + TimeSpan.FromSeconds(61) },
            // The IdP signed "alice@example.test.evil.test"; a reader of the first text node would see alice.
            "comment-in-nameid" => valid with { NameIdXml = "alice@example.test<!---->.evil.test" },
            "expired-lifetime" => valid with { Lifetime = TimeSpan.FromSeconds(-61) },
            _ => throw new ArgumentOutOfRangeException(nameof(attack)),
        };

        using var response = await saml.PostAsync(_idp.Response(options), relayState);

        await saml.AssertRefusedAsync(response);
    }

    [Trait("SecurityRow", "49")]
    [Fact]
    public async Task IdpResponse_UnsignedAssertionBeforeSignedOne_Refused()
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp);
        var (request, relayState, _) = await saml.StartAsync();
        var document = _idp.Response(saml.Answer(request));
        var evil = Evil(document, "mallory@example.test");
        document.DocumentElement!.InsertBefore(evil, SamlTestIdp.Assertion(document));

        using var response = await saml.PostAsync(document, relayState);

        await saml.AssertRefusedAsync(response);
    }

    [Trait("SecurityRow", "49")]
    [Fact]
    public async Task IdpResponse_SignedAssertionMovedIntoExtensions_Refused()
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp);
        var (request, relayState, _) = await saml.StartAsync();
        var document = _idp.Response(saml.Answer(request));
        var signed = SamlTestIdp.Assertion(document);
        var extensions = document.CreateElement("samlp", "Extensions", "urn:oasis:names:tc:SAML:2.0:protocol");
        signed.ParentNode!.ReplaceChild(Evil(document, "mallory@example.test"), signed);
        extensions.AppendChild(signed);
        document.DocumentElement!.InsertAfter(extensions, document.DocumentElement.FirstChild);

        using var response = await saml.PostAsync(document, relayState);

        await saml.AssertRefusedAsync(response);
    }

    [Trait("SecurityRow", "49")]
    [Fact]
    public async Task IdpResponse_SignedAssertionInsideSignatureObject_Refused()
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp);
        var (request, relayState, _) = await saml.StartAsync();
        var document = _idp.Response(saml.Answer(request));
        var signed = SamlTestIdp.Assertion(document);
        var signature = (XmlElement)signed.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl)[0]!;
        var evil = Evil(document, "mallory@example.test");
        evil.SetAttribute("ID", "_evil");
        signed.ParentNode!.ReplaceChild(evil, signed);
        var wrapperSignature = (XmlElement)signature.CloneNode(true);
        var obj = document.CreateElement("ds", "Object", SignedXml.XmlDsigNamespaceUrl);
        obj.AppendChild(signed);
        wrapperSignature.AppendChild(obj);
        evil.InsertAfter(wrapperSignature, evil.FirstChild);

        using var response = await saml.PostAsync(document, relayState);

        await saml.AssertRefusedAsync(response);
    }

    [Trait("SecurityRow", "49")]
    [Fact]
    public async Task IdpResponse_DuplicateId_Refused()
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp);
        var (request, relayState, _) = await saml.StartAsync();
        var document = _idp.Response(saml.Answer(request));
        var signed = SamlTestIdp.Assertion(document);
        var evil = Evil(document, "mallory@example.test");
        evil.SetAttribute("ID", signed.GetAttribute("ID"));
        signed.ParentNode!.ReplaceChild(evil, signed);
        var extensions = document.CreateElement("samlp", "Extensions", "urn:oasis:names:tc:SAML:2.0:protocol");
        extensions.AppendChild(signed);
        document.DocumentElement!.InsertAfter(extensions, document.DocumentElement.FirstChild);

        using var response = await saml.PostAsync(document, relayState);

        await saml.AssertRefusedAsync(response);
    }

    [Trait("SecurityRow", "49")]
    [Fact]
    public async Task IdpResponse_SignatureOutsideItsReference_Refused()
    {
        // The assertion's valid signature moved up to the Response (which it does not reference), the assertion changed.
        var saml = await SamlSetup.CreateAsync(factory, _idp);
        var (request, relayState, _) = await saml.StartAsync();
        var document = _idp.Response(saml.Answer(request));
        var assertion = SamlTestIdp.Assertion(document);
        var signature = (XmlElement)assertion.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl)[0]!;
        assertion.RemoveChild(signature);
        document.DocumentElement!.InsertAfter(signature, document.DocumentElement.FirstChild);

        using var response = await saml.PostAsync(document, relayState);

        await saml.AssertRefusedAsync(response);
    }

    [Theory]
    [InlineData("SignatureValue")]
    [InlineData("DigestValue")]
    public async Task IdpResponse_MalformedBase64InSignature_Refused(string element)
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp);
        var (request, relayState, _) = await saml.StartAsync();
        var document = _idp.Response(saml.Answer(request));
        ((XmlElement)document.GetElementsByTagName(element, SignedXml.XmlDsigNamespaceUrl)[0]!).InnerText = "%%not base64%%";

        using var response = await saml.PostAsync(document, relayState);

        await saml.AssertRefusedAsync(response);
    }

    [Trait("SecurityRow", "51")]
    [Fact]
    public async Task IdpResponse_DigestMismatch_Refused()
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp);
        var (request, relayState, _) = await saml.StartAsync();
        var document = _idp.Response(saml.Answer(request));
        var nameId = (XmlElement)document.GetElementsByTagName("NameID", SamlNs)[0]!;
        nameId.InnerText = "mallory@example.test";

        using var response = await saml.PostAsync(document, relayState);

        await saml.AssertRefusedAsync(response);
    }

    [Trait("SecurityRowPart", "52")]
    [Theory]
    [InlineData("xxe")]
    [InlineData("billion-laughs")]
    public async Task IdpResponse_Doctype_RefusedFast(string attack)
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp);
        var (request, relayState, _) = await saml.StartAsync();
        var body = _idp.Response(saml.Answer(request)).DocumentElement!.OuterXml;
        var doctype = attack == "xxe"
            ? "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            : "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]>";
        body = body.Replace("alice@example.test</saml:NameID>", (attack == "xxe" ? "&x;" : "&h;") + "</saml:NameID>", StringComparison.Ordinal);
        var watch = Stopwatch.StartNew();

        using var response = await saml.PostAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(doctype + body)), relayState);

        await saml.AssertRefusedAsync(response);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Trait("SecurityRowPart", "52")]
    [Trait("SecurityRowPart", "83")]
    [Fact]
    public async Task IdpResponse_Over200KB_Refused()
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp);
        var (request, relayState, _) = await saml.StartAsync();
        var options = saml.Answer(request) with { Attributes = new() { ["email"] = new string('a', 160 * 1024) } };

        using var response = await saml.PostAsync(_idp.Response(options), relayState);

        await saml.AssertRefusedAsync(response);
    }

    [Fact]
    public async Task IdpResponse_NotBase64OrNotXml_ErrorPage()
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp);
        var (_, relayState, _) = await saml.StartAsync();
        var (_, relayState2, _) = await saml.StartAsync();

        using var notBase64 = await saml.PostAsync("%%%not-base64%%%", relayState);
        using var notXml = await saml.PostAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes("<not xml")), relayState2);

        await saml.AssertRefusedAsync(notBase64);
        await saml.AssertRefusedAsync(notXml);
    }

    [Trait("SecurityRowPart", "53")]
    [Fact]
    public async Task IdpResponse_SameResponseTwice_SecondRefused()
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp);
        var (request, relayState, _) = await saml.StartAsync();
        var document = _idp.Response(saml.Answer(request));
        using var first = await saml.PostAsync(document, relayState);
        Assert.True(OAuthSetup.RedirectParameters(first).ContainsKey("code"));

        using var second = await saml.PostAsync(document, relayState);

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }

    [Trait("SecurityRowPart", "53")]
    [Trait("SecurityRowPart", "55")]
    [Fact]
    public async Task IdpInitiated_SameAssertionTwice_SecondRefused()
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp, new() { ["IDPInit"] = "true" });
        var document = _idp.Response(saml.Answer(null));
        using var first = await saml.PostAsync(document, saml.IdpInitiatedRelayState());
        Assert.True(OAuthSetup.RedirectParameters(first).ContainsKey("code"));

        using var second = await saml.PostAsync(document, saml.IdpInitiatedRelayState());

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }

    [Trait("SecurityRowPart", "55")]
    [Fact]
    public async Task IdpInitiated_IdpInitOff_Refused()
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp);

        using var response = await saml.PostAsync(_idp.Response(saml.Answer(null)), saml.IdpInitiatedRelayState());

        await saml.AssertRefusedAsync(response);
    }

    [Fact]
    public async Task IdpInitiated_ResponseNamingARequest_Refused()
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp, new() { ["IDPInit"] = "true" });
        var (request, _, _) = await saml.StartAsync();

        using var response = await saml.PostAsync(_idp.Response(saml.Answer(request)), saml.IdpInitiatedRelayState());

        await saml.AssertRefusedAsync(response);
    }

    [Trait("SecurityRow", "54")]
    [Fact]
    public async Task IdpResponse_AnswerToAnotherFlowsRequest_Refused()
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp);
        var (requestA, _, _) = await saml.StartAsync();
        var (_, relayStateB, _) = await saml.StartAsync();

        using var response = await saml.PostAsync(_idp.Response(saml.Answer(requestA)), relayStateB);

        await saml.AssertRefusedAsync(response);
    }

    [Trait("SecurityRow", "54")]
    [Fact]
    public async Task IdpResponse_ExpiryBoundary_OneSecondBeforeAcceptedAtSkewRefused()
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp);
        var (requestA, relayA, _) = await saml.StartAsync();
        var (requestB, relayB, _) = await saml.StartAsync();
        var answerA = _idp.Response(saml.Answer(requestA));
        var answerB = _idp.Response(saml.Answer(requestB));

        // NotOnOrAfter is now + 5 min; 60 s of skew are allowed after it.
        factory.Clock.Advance(TimeSpan.FromMinutes(6) - TimeSpan.FromSeconds(1));
        using var before = await saml.PostAsync(answerA, relayA);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        using var at = await saml.PostAsync(answerB, relayB);

        Assert.True(OAuthSetup.RedirectParameters(before).ContainsKey("code"));
        Assert.False(OAuthSetup.RedirectParameters(at).ContainsKey("code"));
    }

    /// <summary>An unsigned assertion for another user, with its own ID.</summary>
    private static XmlElement Evil(XmlDocument document, string nameId)
    {
        var evil = (XmlElement)SamlTestIdp.Assertion(document).CloneNode(true);
        evil.SetAttribute("ID", "_evil" + Guid.NewGuid().ToString("N"));
        foreach (var signature in evil.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl).OfType<XmlElement>().ToList())
        {
            signature.ParentNode!.RemoveChild(signature);
        }

        ((XmlElement)evil.GetElementsByTagName("NameID", SamlNs)[0]!).InnerText = nameId;
        return evil;
    }
}
