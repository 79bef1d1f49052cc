using System.Net;
using System.Security.Cryptography.X509Certificates;
using Gatehouse.ApiTests.HostedUi;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Federation;

/// <summary>SP-initiated and IdP-initiated SAML sign-in that succeed, the AuthnRequest, metadata and certificates.</summary>
public sealed class SamlSignInTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>, IDisposable
{
    private readonly SamlTestIdp _idp = new();

    public void Dispose() => _idp.Dispose();

    [Fact]
    public async Task Authorize_SamlProvider_SendsAuthnRequestToSsoUrl()
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp);

        var (request, relayState, query) = await saml.StartAsync();

        var root = request.DocumentElement!;
        Assert.Equal("AuthnRequest", root.LocalName);
        Assert.Equal(SamlTestIdp.SsoUrl, root.GetAttribute("Destination"));
        Assert.Equal(saml.AcsUrl, root.GetAttribute("AssertionConsumerServiceURL"));
        Assert.StartsWith("_", root.GetAttribute("ID"), StringComparison.Ordinal);
        Assert.Equal(saml.Audience, root["Issuer", "urn:oasis:names:tc:SAML:2.0:assertion"]!.InnerText);
        Assert.True(relayState.Length > 20);
        Assert.False(query.ContainsKey("Signature"));
    }

    [Fact]
    public async Task Authorize_RequestSigningAlgorithm_SignsQueryWithPoolCertificate()
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp, new() { ["RequestSigningAlgorithm"] = "rsa-sha256" });
        var api = factory.CreateAwsClient();
        var certificate = await api.CallAsync("GetSigningCertificate", new { UserPoolId = saml.OAuth.PoolId });
        using var cert = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(certificate.Body["Certificate"]!.GetValue<string>()));

        using var response = await saml.Browser.GetAsync(saml.OAuth.AuthorizeUrl("&identity_provider=" + SamlSetup.ProviderName));

        var location = response.Headers.Location!.Query.TrimStart('?');
        var signedPart = location[..location.IndexOf("&Signature=", StringComparison.Ordinal)];
        var signature = Uri.UnescapeDataString(location[(signedPart.Length + "&Signature=".Length)..]);
        Assert.Contains("SigAlg=" + Uri.EscapeDataString("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"), signedPart, StringComparison.Ordinal);
        using var key = cert.GetRSAPublicKey()!;
        Assert.True(key.VerifyData(System.Text.Encoding.UTF8.GetBytes(signedPart), Convert.FromBase64String(signature),
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task IdpResponse_ValidSignedAssertion_CodeAndTokensOfFederatedUser()
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp);
        var (request, relayState, _) = await saml.StartAsync();

        using var response = await saml.PostAsync(_idp.Response(saml.Answer(request)), relayState);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var parameters = OAuthSetup.RedirectParameters(response);
        Assert.Equal("st-1", parameters["state"]);
        var (status, tokens) = await OAuthTestSteps.ExchangeAsync(saml.Browser, saml.OAuth, parameters["code"]);
        Assert.Equal(HttpStatusCode.OK, status);
        var claims = OAuthTestSteps.Claims(tokens["id_token"]!.GetValue<string>());
        Assert.Equal(SamlSetup.ProviderName + "_alice@example.test", claims["cognito:username"]!.GetValue<string>());
        Assert.Equal("alice@example.test", claims["email"]!.GetValue<string>());
        Assert.Equal("Alice Example", claims["name"]!.GetValue<string>());
        Assert.Contains(saml.OAuth.PoolId + "_" + SamlSetup.ProviderName,
            claims["cognito:groups"]!.AsArray().Select(g => g!.GetValue<string>()));
        var identity = claims["identities"]!.AsArray().Single()!.AsObject();
        Assert.Equal(SamlTestIdp.EntityId, identity["issuer"]!.GetValue<string>());
        Assert.Equal("SAML", identity["providerType"]!.GetValue<string>());
        Assert.Equal("alice@example.test", identity["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task IdpResponse_SignedResponseOnly_Accepted()
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp);
        var (request, relayState, _) = await saml.StartAsync();

        using var response = await saml.PostAsync(
            _idp.Response(saml.Answer(request) with { SignAssertion = false, SignResponse = true }), relayState);

        Assert.True(OAuthSetup.RedirectParameters(response).ContainsKey("code"));
    }

    [Fact]
    public async Task IdpResponse_EncryptedAssertion_DecryptedWithPoolCertificate()
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp, new() { ["EncryptedResponses"] = "true" });
        var (request, relayState, _) = await saml.StartAsync();
        using var metadata = await saml.Browser.GetAsync(saml.OAuth.Base + "/saml2/metadata");
        var spMetadata = new System.Xml.XmlDocument();
        spMetadata.LoadXml(await metadata.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var encryptionCert = spMetadata.GetElementsByTagName("KeyDescriptor", "urn:oasis:names:tc:SAML:2.0:metadata")
            .OfType<System.Xml.XmlElement>().Single(k => k.GetAttribute("use") == "encryption").InnerText.Trim();
        using var recipient = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(encryptionCert));
        var document = _idp.Response(saml.Answer(request));
        SamlTestIdp.Encrypt(document, recipient);

        using var response = await saml.PostAsync(document, relayState);

        Assert.True(OAuthSetup.RedirectParameters(response).ContainsKey("code"));
    }

    [Fact]
    public async Task IdpResponse_EncryptionRequiredButPlain_Refused()
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp, new() { ["EncryptedResponses"] = "true" });
        var (request, relayState, _) = await saml.StartAsync();

        using var response = await saml.PostAsync(_idp.Response(saml.Answer(request)), relayState);

        await saml.AssertRefusedAsync(response);
    }

    [Fact]
    public async Task IdpResponse_SecondSignIn_SameUserUpdatedAttributes()
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp);
        var (first, firstRelay, _) = await saml.StartAsync();
        using var one = await saml.PostAsync(_idp.Response(saml.Answer(first)), firstRelay);
        var (second, secondRelay, _) = await saml.StartAsync();

        using var two = await saml.PostAsync(_idp.Response(saml.Answer(second) with
        {
            Attributes = new() { ["email"] = "alice@example.test", ["displayName"] = "Alice Renamed" },
        }), secondRelay);

        var code = OAuthSetup.RedirectParameters(two)["code"];
        var (_, tokens) = await OAuthTestSteps.ExchangeAsync(saml.Browser, saml.OAuth, code);
        Assert.Equal("Alice Renamed", OAuthTestSteps.Claims(tokens["id_token"]!.GetValue<string>())["name"]!.GetValue<string>());
        Assert.Equal(1, await saml.FederatedUserCountAsync());
    }

    [Trait("SecurityRowPart", "55")]
    [Fact]
    public async Task IdpInitiated_IdpInitOn_SignsIn()
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp, new() { ["IDPInit"] = "true" });

        using var response = await saml.PostAsync(_idp.Response(saml.Answer(null)), saml.IdpInitiatedRelayState());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(OAuthSetup.Callback + "?", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.True(OAuthSetup.RedirectParameters(response).ContainsKey("code"));
    }

    [Fact]
    public async Task SpMetadata_NamesEntityIdAcsAndCertificates()
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp);

        using var response = await saml.Browser.GetAsync(saml.OAuth.Base + "/saml2/metadata");

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"entityID=\"{saml.Audience}\"", text, StringComparison.Ordinal);
        Assert.Contains($"Location=\"{saml.AcsUrl}\"", text, StringComparison.Ordinal);
        Assert.Contains("use=\"signing\"", text, StringComparison.Ordinal);
        Assert.Contains("use=\"encryption\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSigningCertificate_SameCertificateEachTime_UnknownPoolNotFound()
    {
        var api = factory.CreateAwsClient();
        var saml = await SamlSetup.CreateAsync(factory, _idp);

        var first = await api.CallAsync("GetSigningCertificate", new { UserPoolId = saml.OAuth.PoolId });
        var second = await api.CallAsync("GetSigningCertificate", new { UserPoolId = saml.OAuth.PoolId });
        var unknown = await api.CallAsync("GetSigningCertificate", new { UserPoolId = "us-east-1_nope00000" });

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(first.Body["Certificate"]!.GetValue<string>(), second.Body["Certificate"]!.GetValue<string>());
        using var cert = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(first.Body["Certificate"]!.GetValue<string>()));
        Assert.Equal("CN=urn:amazon:cognito:sp:" + saml.OAuth.PoolId + ", OU=signing", cert.Subject);
        Assert.Equal("ResourceNotFoundException", unknown.ErrorType);
    }
}
