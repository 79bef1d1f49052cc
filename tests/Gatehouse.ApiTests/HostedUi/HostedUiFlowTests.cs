using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gatehouse.ApiTests.HostedUi;

public sealed class HostedUiFlowTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string TemporaryPassword = "Temp0rary!x";
    private readonly AwsApiClient _api = factory.CreateAwsClient();

    private HttpClient HostClient(string host) => factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("http://" + host),
    });

    [Fact]
    public async Task Authorize_OnPrefixHost_LoginAtRootOfSameHost()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        using var http = HostClient(setup.Domain + ".auth.localhost");
        var path = setup.AuthorizeUrl()[setup.Base.Length..];

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"http://{setup.Domain}.auth.localhost/login?", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_OnCustomDomainHost_LoginAtRootOfSameHost()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var host = "login-" + Guid.NewGuid().ToString("N")[..8] + ".example.com";
        AuthSetup.Ok(await _api.CallAsync("CreateUserPoolDomain", new
        {
            UserPoolId = setup.PoolId,
            Domain = host,
            CustomDomainConfig = new { CertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/x" },
        }));
        using var http = HostClient(host);
        var path = setup.AuthorizeUrl()[setup.Base.Length..];

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        using var unknown = await HostClient("other.example.com").GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"http://{host}/login?", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Trait("SecurityRowPart", "44")]
    [Fact]
    public async Task Discovery_PoolWithDomain_ListsDomainEndpoints()
    {
        var setup = await OAuthSetup.CreateAsync(_api);

        var text = await _api.Http.GetStringAsync(new Uri($"/{setup.PoolId}/.well-known/openid-configuration", UriKind.Relative),
            TestContext.Current.CancellationToken);

        var document = JsonNode.Parse(text)!;
        var issuer = document["issuer"]!.GetValue<string>();
        Assert.EndsWith("/" + setup.PoolId, issuer, StringComparison.Ordinal);
        Assert.EndsWith($"/domains/{setup.Domain}/oauth2/authorize", document["authorization_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith($"/domains/{setup.Domain}/oauth2/token", document["token_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith($"/domains/{setup.Domain}/oauth2/userInfo", document["userinfo_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith($"/domains/{setup.Domain}/oauth2/revoke", document["revocation_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith($"/domains/{setup.Domain}/logout", document["end_session_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(issuer + "/.well-known/jwks.json", document["jwks_uri"]!.GetValue<string>());
    }

    [Fact]
    public async Task Authorize_ImplicitFlow_TokensInFragmentWithState()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);
        var login = await browser.GetPageAsync(setup.LoginUrl(responseType: "token", extra: "&nonce=n-42"));

        using var response = await browser.SubmitAsync(login, ("username", setup.Username), ("password", AuthSetup.Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(OAuthSetup.Callback + "#", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var parameters = OAuthSetup.RedirectParameters(response);
        Assert.Equal("st-1", parameters["state"]);
        Assert.Equal("Bearer", parameters["token_type"]);
        Assert.False(parameters.ContainsKey("refresh_token"));
        Assert.Equal("n-42", OAuthTestSteps.Claims(parameters["id_token"])["nonce"]?.GetValue<string>());
        Assert.Equal("access", OAuthTestSteps.Claims(parameters["access_token"])["token_use"]?.GetValue<string>());
    }

    [Fact]
    public async Task Authorize_ImplicitNotAllowedForClient_UnauthorizedClientToCallback()
    {
        var setup = await OAuthSetup.CreateAsync(_api, flows: ["code"]);
        var browser = new FormBrowser(factory);

        using var response = await browser.GetAsync(setup.AuthorizeUrl(responseType: "token"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var parameters = OAuthSetup.RedirectParameters(response);
        Assert.Equal("unauthorized_client", parameters["error"]);
        Assert.Equal("st-1", parameters["state"]);
    }

    [Trait("SecurityRowPart", "27")]
    [Fact]
    public async Task Authorize_ScopeNotAllowedForClient_InvalidScopeToCallback()
    {
        var setup = await OAuthSetup.CreateAsync(_api, clientSettings: new JsonObject { ["AllowedOAuthScopes"] = new JsonArray("openid") });
        var browser = new FormBrowser(factory);

        using var response = await browser.GetAsync(setup.AuthorizeUrl(scope: "openid email"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("invalid_scope", OAuthSetup.RedirectParameters(response)["error"]);
    }

    [Trait("SecurityRowPart", "43")]
    [Fact]
    public async Task Logout_RegisteredLogoutUri_RedirectsAndEndsSession()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);
        await OAuthTestSteps.SignInForCodeAsync(browser, setup);

        using var logout = await browser.GetAsync(
            $"{setup.Base}/logout?client_id={setup.ClientId}&logout_uri={Uri.EscapeDataString(OAuthSetup.Logout)}");
        using var again = await browser.GetAsync(setup.AuthorizeUrl());

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(OAuthSetup.Logout, logout.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains($"/domains/{setup.Domain}/login?", again.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_WithRedirectUriAndResponseType_BackToSignIn()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);
        await OAuthTestSteps.SignInForCodeAsync(browser, setup);

        using var logout = await browser.GetAsync(
            $"{setup.Base}/logout?client_id={setup.ClientId}&response_type=code&redirect_uri={Uri.EscapeDataString(OAuthSetup.Callback)}&state=s2" +
            $"&code_challenge={OAuthSetup.Challenge(OAuthSetup.Verifier)}&code_challenge_method=S256");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        var location = logout.Headers.Location!.ToString();
        Assert.Contains($"/domains/{setup.Domain}/login?", location, StringComparison.Ordinal);
        Assert.Contains("state=s2", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_TemporaryPassword_NewPasswordFormThenCode()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var username = "t" + Guid.NewGuid().ToString("N")[..8];
        await _api.CreateUserWithTemporaryPasswordAsync(setup.PoolId, username, TemporaryPassword);
        var browser = new FormBrowser(factory);
        var login = await browser.GetPageAsync(setup.LoginUrl());

        using var challenged = await browser.SubmitAsync(login, ("username", username), ("password", TemporaryPassword));
        var form = await challenged.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var mismatch = await browser.SubmitAsync(form, ("password", "NewPassw0rd!x"), ("confirmPassword", "Other0000!x"));
        using var changed = await browser.SubmitAsync(form, ("password", "NewPassw0rd!x"), ("confirmPassword", "NewPassw0rd!x"));
        var signIn = await _api.PasswordAuthAsync(setup.ClientId, username, "NewPassw0rd!x");

        Assert.Equal(HttpStatusCode.OK, challenged.StatusCode);
        Assert.Contains("/forceChangePassword", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.True(OAuthSetup.RedirectParameters(changed).ContainsKey("code"));
        Assert.Equal(HttpStatusCode.OK, signIn.Status);
    }

    [Fact]
    public async Task ForceChangePassword_ForgedSession_ErrorPageAndPasswordUnchanged()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var username = "t" + Guid.NewGuid().ToString("N")[..8];
        await _api.CreateUserWithTemporaryPasswordAsync(setup.PoolId, username, TemporaryPassword);
        var browser = new FormBrowser(factory);
        var login = await browser.GetPageAsync(setup.LoginUrl());
        using var challenged = await browser.SubmitAsync(login, ("username", username), ("password", TemporaryPassword));
        var form = await challenged.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        using var forged = await browser.SubmitAsync(form,
            ("session", "forged"), ("password", "NewPassw0rd!x"), ("confirmPassword", "NewPassw0rd!x"));
        var user = await _api.CallAsync("AdminGetUser", new { UserPoolId = setup.PoolId, Username = username });

        Assert.NotEqual(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal("FORCE_CHANGE_PASSWORD", user["UserStatus"]?.GetValue<string>());
    }
}
