using System.Net;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.HostedUi;

/// <summary>One attack per security rule of the hosted UI (RFC 9700, OIDC Core); each fails without its rule.</summary>
public sealed class SecurityRuleTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _api = factory.CreateAwsClient();

    [Trait("SecurityRowPart", "25")]
    [Trait("SecurityRowPart", "26")]
    [Fact]
    public async Task Authorize_UnregisteredRedirectUri_ErrorPageNotRedirect()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);
        var url = setup.AuthorizeUrl().Replace(Uri.EscapeDataString(OAuthSetup.Callback),
            Uri.EscapeDataString("https://evil.example.net/steal"), StringComparison.Ordinal);

        using var response = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Trait("SecurityRowPart", "26")]
    [Fact]
    public async Task Logout_UnregisteredLogoutUri_ErrorPageNotRedirect()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);

        using var evil = await browser.GetAsync($"{setup.Base}/logout?client_id={setup.ClientId}&logout_uri=https%3A%2F%2Fevil.example.net");
        using var good = await browser.GetAsync($"{setup.Base}/logout?client_id={setup.ClientId}&logout_uri={Uri.EscapeDataString(OAuthSetup.Logout)}");

        Assert.Null(evil.Headers.Location);
        Assert.Equal(OAuthSetup.Logout, good.Headers.Location!.ToString());
    }

    [Trait("SecurityRowPart", "42")]
    [Fact]
    public async Task Login_MissingOrForeignCsrfValue_Refused()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);
        var attacker = new FormBrowser(factory);
        var login = await browser.GetPageAsync(setup.LoginUrl());
        var attackerPage = await attacker.GetPageAsync(setup.LoginUrl());
        var attackerCsrf = FormBrowser.HiddenFields(attackerPage).First(f => f.Name == "_csrf").Value;

        using var missing = await browser.SubmitAsync(login, ("_csrf", ""), ("username", setup.Username), ("password", AuthSetup.Password));
        using var foreign = await browser.SubmitAsync(login, ("_csrf", attackerCsrf), ("username", setup.Username), ("password", AuthSetup.Password));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Null(foreign.Headers.Location);
    }

    [Trait("SecurityRowPart", "41")]
    [Fact]
    public async Task HostedPages_AntiClickjackingHeaders()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);

        using var response = await browser.GetAsync(setup.LoginUrl());

        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Trait("SecurityRow", "33")]
    [Fact]
    public async Task Authorize_PublicClientWithoutPkce_InvalidRequest()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);

        using var response = await browser.GetAsync(setup.AuthorizeUrl(pkce: false));

        var parameters = OAuthSetup.RedirectParameters(response);
        Assert.Equal("invalid_request", parameters["error"]);
        Assert.Equal("st-1", parameters["state"]);
    }

    [Trait("SecurityRowPart", "34")]
    [Fact]
    public async Task Authorize_StateRoundTripsUnchanged()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);
        const string state = "a b&c=d/é";

        var code = await OAuthTestSteps.SignInForCodeAsync(browser, setup);
        var login = await browser.GetPageAsync(setup.LoginUrl("&state=" + Uri.EscapeDataString(state)).Replace("state=st-1&", "", StringComparison.Ordinal));
        using var response = await browser.SubmitAsync(login, ("username", setup.Username), ("password", AuthSetup.Password));

        Assert.False(string.IsNullOrEmpty(code));
        Assert.Equal(state, OAuthSetup.RedirectParameters(response)["state"]);
    }

    [Trait("SecurityRowPart", "31")]
    [Fact]
    public async Task AuthorizationCode_Expired_InvalidGrant()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);
        var code = await OAuthTestSteps.SignInForCodeAsync(browser, setup);

        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        var (status, body) = await OAuthTestSteps.ExchangeAsync(browser, setup, code);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body["error"]!.GetValue<string>());
    }
}
