using System.Net;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Federation;

/// <summary>The login page's provider buttons, e-mail-domain routing and <c>idp_identifier</c>.</summary>
public sealed class OidcLoginPageTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _api = factory.CreateAwsClient();

    [Fact]
    public async Task Login_SupportedProviders_ShowsOneButtonEachWithIdentityProvider()
    {
        await using var upstream = await FakeOidcUpstream.StartAsync(TestContext.Current.CancellationToken);
        var setup = await OAuthSetup.CreateAsync(_api);
        await OidcTestSetup.AddProviderAsync(factory, setup, "Corp", "OIDC", upstream.Details());
        await OidcTestSetup.AddProviderAsync(factory, setup, "Hidden", "OIDC", upstream.Details(), listed: false);

        var page = await new FormBrowser(factory).GetPageAsync(setup.LoginUrl());

        Assert.Contains("Sign in with Corp", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign in with Hidden", page, StringComparison.Ordinal);
        Assert.Contains("identity_provider=Corp", page, StringComparison.Ordinal);
        Assert.Contains($"/domains/{setup.Domain}/oauth2/authorize?", page, StringComparison.Ordinal);
        Assert.Contains("name=\"password\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_ButtonLink_StartsUpstreamSignIn()
    {
        await using var upstream = await FakeOidcUpstream.StartAsync(TestContext.Current.CancellationToken);
        var setup = await OAuthSetup.CreateAsync(_api);
        await OidcTestSetup.AddProviderAsync(factory, setup, "Corp", "OIDC", upstream.Details());
        var browser = new FormBrowser(factory);
        var page = await browser.GetPageAsync(setup.LoginUrl());
        var href = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "<a class=\"button\" href=\"([^\"]+)\"").Groups[1].Value);

        var query = await OidcTestSetup.StartAsync(browser, new Uri(href).PathAndQuery, upstream);

        Assert.Equal(FakeOidcUpstream.ClientId, query["client_id"]);
    }

    [Fact]
    public async Task Login_EmailOfProvidersDomain_RoutesToProviderWithoutPassword()
    {
        await using var upstream = await FakeOidcUpstream.StartAsync(TestContext.Current.CancellationToken);
        var setup = await OAuthSetup.CreateAsync(_api);
        await OidcTestSetup.AddProviderAsync(factory, setup, "Corp", "OIDC", upstream.Details(), identifiers: ["corp.example"]);
        var browser = new FormBrowser(factory);
        var page = await browser.GetPageAsync(setup.LoginUrl());

        using var response = await browser.SubmitAsync(page, ("username", "carol@CORP.example"), ("password", ""));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(upstream.BaseUrl + "/authorize?", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_EmailOfOtherDomain_SignsInWithPasswordAsBefore()
    {
        await using var upstream = await FakeOidcUpstream.StartAsync(TestContext.Current.CancellationToken);
        var setup = await OAuthSetup.CreateAsync(_api);
        await OidcTestSetup.AddProviderAsync(factory, setup, "Corp", "OIDC", upstream.Details(), identifiers: ["corp.example"]);
        var browser = new FormBrowser(factory);
        var page = await browser.GetPageAsync(setup.LoginUrl());

        using var response = await browser.SubmitAsync(page, ("username", setup.Username), ("password", AuthSetup.Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(OAuthSetup.Callback + "?", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("code", OAuthSetup.RedirectParameters(response).Keys);
    }

    [Fact]
    public async Task Authorize_IdpIdentifier_RoutesToProvider()
    {
        await using var upstream = await FakeOidcUpstream.StartAsync(TestContext.Current.CancellationToken);
        var setup = await OAuthSetup.CreateAsync(_api);
        await OidcTestSetup.AddProviderAsync(factory, setup, "Corp", "OIDC", upstream.Details(), identifiers: ["corp.example"]);
        var browser = new FormBrowser(factory);

        var query = await OidcTestSetup.StartAsync(browser, setup.AuthorizeUrl("&idp_identifier=corp.example"), upstream);
        using var unknown = await browser.GetAsync(setup.AuthorizeUrl("&idp_identifier=other.example"));

        Assert.Equal(FakeOidcUpstream.ClientId, query["client_id"]);
        Assert.Equal("invalid_request", OAuthSetup.RedirectParameters(unknown)["error"]);
    }

    [Fact]
    public async Task Login_ClientWithoutCognito_ShowsOnlyButtonsAndRefusesPasswords()
    {
        await using var upstream = await FakeOidcUpstream.StartAsync(TestContext.Current.CancellationToken);
        var setup = await OAuthSetup.CreateAsync(_api);
        await OidcTestSetup.AddProviderAsync(factory, setup, "Corp", "OIDC", upstream.Details(), cognito: false);
        var browser = new FormBrowser(factory);

        var page = await browser.GetPageAsync(setup.LoginUrl());
        using var cognito = await browser.GetAsync(setup.AuthorizeUrl("&identity_provider=COGNITO"));

        Assert.Contains("Sign in with Corp", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"password\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", page, StringComparison.Ordinal);
        Assert.Equal("invalid_request", OAuthSetup.RedirectParameters(cognito)["error"]);
    }
}
