using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml;
using Gatehouse.TestKit;
using Microsoft.AspNetCore.WebUtilities;

namespace Gatehouse.ApiTests.Federation;

/// <summary>/logout of a user who signed in through a SAML IdP with IDPSignout, and the IdP's LogoutResponse.</summary>
public sealed class SamlLogoutTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>, IDisposable
{
    private readonly SamlTestIdp _idp = new();

    public void Dispose() => _idp.Dispose();

    [Fact]
    public async Task Logout_IdpSignout_LogoutRequestToSloThenLogoutUriOnce()
    {
        var saml = await SignedInAsync(idpSignout: true);

        using var logout = await saml.Browser.GetAsync(LogoutUrl(saml));

        var location = logout.Headers.Location!.ToString();
        Assert.StartsWith("https://idp.example.test/slo?", location, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(new Uri(location).Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        Assert.True(query.ContainsKey("Signature"));
        var request = Inflate(query["SAMLRequest"]);
        Assert.Equal("LogoutRequest", request.DocumentElement!.LocalName);
        Assert.Equal("alice@example.test", request.GetElementsByTagName("NameID", "urn:oasis:names:tc:SAML:2.0:assertion")[0]!.InnerText);
        var answer = Deflate(LogoutResponse(request.DocumentElement.GetAttribute("ID")));
        var back = $"{saml.OAuth.Base}/saml2/logout?SAMLResponse={Uri.EscapeDataString(answer)}&RelayState={Uri.EscapeDataString(query["RelayState"])}";

        using var done = await saml.Browser.GetAsync(back);
        using var again = await saml.Browser.GetAsync(back);

        Assert.Equal(OAuthSetup.Logout, done.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        using var authorize = await saml.Browser.GetAsync(saml.OAuth.AuthorizeUrl());
        Assert.Contains("/login?", authorize.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SamlLogout_ResponseToAnotherRequest_ErrorPage()
    {
        var saml = await SignedInAsync(idpSignout: true);
        using var logout = await saml.Browser.GetAsync(LogoutUrl(saml));
        var query = QueryHelpers.ParseQuery(logout.Headers.Location!.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        var answer = Deflate(LogoutResponse("_another"));

        using var response = await saml.Browser.GetAsync(
            $"{saml.OAuth.Base}/saml2/logout?SAMLResponse={Uri.EscapeDataString(answer)}&RelayState={Uri.EscapeDataString(query["RelayState"])}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Logout_WithoutIdpSignout_StraightToLogoutUri()
    {
        var saml = await SignedInAsync(idpSignout: false);

        using var logout = await saml.Browser.GetAsync(LogoutUrl(saml));

        Assert.Equal(OAuthSetup.Logout, logout.Headers.Location!.ToString());
    }

    private async Task<SamlSetup> SignedInAsync(bool idpSignout)
    {
        var saml = await SamlSetup.CreateAsync(factory, _idp, new() { ["IDPSignout"] = idpSignout ? "true" : "false" });
        var (request, relayState, _) = await saml.StartAsync();
        using var response = await saml.PostAsync(_idp.Response(saml.Answer(request)), relayState);
        Assert.True(OAuthSetup.RedirectParameters(response).ContainsKey("code"));
        return saml;
    }

    private static string LogoutUrl(SamlSetup saml) =>
        $"{saml.OAuth.Base}/logout?client_id={saml.OAuth.ClientId}&logout_uri={Uri.EscapeDataString(OAuthSetup.Logout)}";

    private static string LogoutResponse(string inResponseTo) =>
        "<samlp:LogoutResponse xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" " +
        $"ID=\"_lr{Guid.NewGuid():N}\" Version=\"2.0\" IssueInstant=\"2026-01-01T00:00:00Z\" InResponseTo=\"{inResponseTo}\">" +
        $"<saml:Issuer>{SamlTestIdp.EntityId}</saml:Issuer><samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/></samlp:Status></samlp:LogoutResponse>";

    private static string Deflate(string xml)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(Encoding.UTF8.GetBytes(xml));
        }

        return Convert.ToBase64String(buffer.ToArray());
    }

    private static XmlDocument Inflate(string base64)
    {
        using var inflate = new DeflateStream(new MemoryStream(Convert.FromBase64String(base64)), CompressionMode.Decompress);
        var document = new XmlDocument();
        document.Load(inflate);
        return document;
    }
}
