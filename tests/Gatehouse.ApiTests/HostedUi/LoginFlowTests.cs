using System.Net;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.HostedUi;

public sealed class LoginFlowTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _api = factory.CreateAwsClient();

    [Fact]
    public async Task Authorize_NoSession_RedirectsToLoginWithSameParameters()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);

        using var response = await browser.GetAsync(setup.AuthorizeUrl());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Contains($"/domains/{setup.Domain}/login?", location, StringComparison.Ordinal);
        Assert.Contains("state=st-1", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_CorrectPassword_RedirectsToCallbackWithCodeAndState()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);
        var login = await browser.GetPageAsync(setup.LoginUrl());

        using var response = await browser.SubmitAsync(login, ("username", setup.Username), ("password", AuthSetup.Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(OAuthSetup.Callback + "?", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var parameters = OAuthSetup.RedirectParameters(response);
        Assert.Equal("st-1", parameters["state"]);
        Assert.True(parameters["code"].Length >= 40);
    }

    [Trait("SecurityRowPart", "15")]
    [Fact]
    public async Task Login_WrongPasswordAndUnknownUser_SameErrorText()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);
        var login = await browser.GetPageAsync(setup.LoginUrl());

        using var wrong = await browser.SubmitAsync(login, ("username", setup.Username), ("password", "Wrong0000!x"));
        using var unknown = await browser.SubmitAsync(login, ("username", "nobody-here"), ("password", "Wrong0000!x"));

        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Incorrect username or password.", await wrong.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Contains("Incorrect username or password.", await unknown.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Trait("SecurityRowPart", "35")]
    [Fact]
    public async Task Authorize_WithSignInCookie_SkipsFormUnlessPromptLogin()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);
        var login = await browser.GetPageAsync(setup.LoginUrl());
        using var signedIn = await browser.SubmitAsync(login, ("username", setup.Username), ("password", AuthSetup.Password));

        using var again = await browser.GetAsync(setup.AuthorizeUrl());
        using var forced = await browser.GetAsync(setup.AuthorizeUrl("&prompt=login"));

        Assert.StartsWith(OAuthSetup.Callback + "?", again.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("/login?", forced.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Trait("SecurityRowPart", "35")]
    [Fact]
    public async Task Authorize_PromptNoneWithoutSession_LoginRequiredToCallback()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);

        using var response = await browser.GetAsync(setup.AuthorizeUrl("&prompt=none"));

        var parameters = OAuthSetup.RedirectParameters(response);
        Assert.Equal("login_required", parameters["error"]);
        Assert.Equal("st-1", parameters["state"]);
    }

    [Fact]
    public async Task Login_NotOnPoolDomain_NotFound()
    {
        var browser = new FormBrowser(factory);

        using var bare = await browser.GetAsync("/login");
        using var unknown = await browser.GetAsync("/domains/no-such-domain-x/login");

        Assert.Equal(HttpStatusCode.NotFound, bare.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Login_ImplicitFlow_TokensInFragmentWithoutRefreshToken()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);
        var login = await browser.GetPageAsync(setup.LoginUrl().Replace("response_type=code", "response_type=token", StringComparison.Ordinal));

        using var response = await browser.SubmitAsync(login, ("username", setup.Username), ("password", AuthSetup.Password));

        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(OAuthSetup.Callback + "#", location, StringComparison.Ordinal);
        var parameters = OAuthSetup.RedirectParameters(response);
        Assert.True(parameters.ContainsKey("access_token"));
        Assert.True(parameters.ContainsKey("id_token"));
        Assert.False(parameters.ContainsKey("refresh_token"));
        Assert.Equal("st-1", parameters["state"]);
    }

    [Fact]
    public async Task Login_TemporaryPassword_NewPasswordFormThenCode()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        await _api.CreateUserWithTemporaryPasswordAsync(setup.PoolId, "temp-" + setup.Username, "Temp0rary!x");
        var browser = new FormBrowser(factory);
        var login = await browser.GetPageAsync(setup.LoginUrl());

        using var challenge = await browser.SubmitAsync(login, ("username", "temp-" + setup.Username), ("password", "Temp0rary!x"));
        var form = await challenge.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var mismatch = await browser.SubmitAsync(form, ("password", "N3wPassw0rd!"), ("confirmPassword", "other"));
        using var changed = await browser.SubmitAsync(form, ("password", "N3wPassw0rd!"), ("confirmPassword", "N3wPassw0rd!"));

        Assert.Contains("name=\"confirmPassword\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.True(OAuthSetup.RedirectParameters(changed).ContainsKey("code"));
        Assert.Null((await _api.PasswordAuthAsync(setup.ClientId, "temp-" + setup.Username, "N3wPassw0rd!")).ErrorType);
    }
}
