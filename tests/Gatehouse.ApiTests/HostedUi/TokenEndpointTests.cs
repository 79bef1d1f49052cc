using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.HostedUi;

public sealed class TokenEndpointTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _api = factory.CreateAwsClient();

    [Trait("SecurityRowPart", "34")]
    [Fact]
    public async Task AuthorizationCode_WithPkce_TokensCarryNonceAtHashAndScopes()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);
        var code = await OAuthTestSteps.SignInForCodeAsync(browser, setup, "&nonce=n-42");

        var (status, body) = await OAuthTestSteps.ExchangeAsync(browser, setup, code);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        var id = OAuthTestSteps.Claims(body["id_token"]!.GetValue<string>());
        var access = OAuthTestSteps.Claims(body["access_token"]!.GetValue<string>());
        Assert.Equal("n-42", id["nonce"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(id["at_hash"]!.GetValue<string>()));
        Assert.Equal(setup.ClientId, id["aud"]!.GetValue<string>());
        Assert.Equal("http://127.0.0.1/" + setup.PoolId, id["iss"]!.GetValue<string>());
        Assert.Equal("openid email profile", access["scope"]!.GetValue<string>());
        Assert.NotNull(body["refresh_token"]);
    }

    [Trait("SecurityRowPart", "28")]
    [Trait("SecurityRow", "29")]
    [Fact]
    public async Task AuthorizationCode_TwentyParallelRedemptions_ExactlyOneSucceeds()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);
        var code = await OAuthTestSteps.SignInForCodeAsync(browser, setup);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => OAuthTestSteps.ExchangeAsync(browser, setup, code)));

        Assert.Equal(1, results.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(results.Where(r => r.Status != HttpStatusCode.OK),
            r => Assert.Equal("invalid_grant", r.Body["error"]!.GetValue<string>()));
    }

    [Trait("SecurityRow", "30")]
    [Trait("SecurityRowPart", "32")]
    [Fact]
    public async Task AuthorizationCode_WrongVerifierRedirectOrClient_InvalidGrant()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var other = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);

        var wrongVerifier = await OAuthTestSteps.ExchangeAsync(browser, setup,
            await OAuthTestSteps.SignInForCodeAsync(browser, setup), verifier: OAuthSetup.Verifier + "x");
        var wrongRedirect = await OAuthTestSteps.ExchangeAsync(browser, setup,
            await OAuthTestSteps.SignInForCodeAsync(browser, setup), redirect: OAuthSetup.Callback + "/other");
        var foreignCode = await OAuthTestSteps.SignInForCodeAsync(browser, setup);
        var wrongClient = await OAuthTestSteps.TokenAsync(browser, setup, ("grant_type", "authorization_code"),
            ("code", foreignCode), ("redirect_uri", OAuthSetup.Callback), ("code_verifier", OAuthSetup.Verifier),
            ("client_id", await SecondClientAsync(setup)));

        Assert.Equal("invalid_grant", wrongVerifier.Body["error"]!.GetValue<string>());
        Assert.Equal("invalid_grant", wrongRedirect.Body["error"]!.GetValue<string>());
        Assert.Equal("invalid_grant", wrongClient.Body["error"]!.GetValue<string>());
        Assert.NotNull(other.ClientId);
    }

    [Fact]
    public async Task RefreshToken_Grant_NewAccessTokenSameScopes()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);
        var (_, first) = await OAuthTestSteps.ExchangeAsync(browser, setup, await OAuthTestSteps.SignInForCodeAsync(browser, setup));

        var (status, body) = await OAuthTestSteps.TokenAsync(browser, setup, ("grant_type", "refresh_token"),
            ("refresh_token", first["refresh_token"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("openid email profile",
            OAuthTestSteps.Claims(body["access_token"]!.GetValue<string>())["scope"]!.GetValue<string>());
    }

    [Trait("SecurityRowPart", "45")]
    [Fact]
    public async Task UserInfo_BearerToken_AttributesOrUnauthorized()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);
        var (_, tokens) = await OAuthTestSteps.ExchangeAsync(browser, setup, await OAuthTestSteps.SignInForCodeAsync(browser, setup));
        var ct = TestContext.Current.CancellationToken;

        using var request = new HttpRequestMessage(HttpMethod.Get, setup.Base + "/oauth2/userInfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens["access_token"]!.GetValue<string>());
        using var ok = await browser.Http.SendAsync(request, ct);
        using var missing = await browser.GetAsync(setup.Base + "/oauth2/userInfo");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var info = JsonNode.Parse(await ok.Content.ReadAsStringAsync(ct))!;
        Assert.Equal(setup.Username + "@example.com", info["email"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.StartsWith("Bearer", missing.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Trait("SecurityRowPart", "39")]
    [Fact]
    public async Task Revoke_RefreshToken_RefreshGrantFailsAfterwards()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);
        var (_, tokens) = await OAuthTestSteps.ExchangeAsync(browser, setup, await OAuthTestSteps.SignInForCodeAsync(browser, setup));
        var refresh = tokens["refresh_token"]!.GetValue<string>();

        using var revoked = await browser.Http.PostAsync(setup.Base + "/oauth2/revoke", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["token"] = refresh, ["client_id"] = setup.ClientId }), TestContext.Current.CancellationToken);
        var after = await OAuthTestSteps.TokenAsync(browser, setup, ("grant_type", "refresh_token"), ("refresh_token", refresh));

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("invalid_grant", after.Body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClientCredentials_CustomScopes_AccessTokenOnly()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        AuthSetup.Ok(await _api.CallAsync("CreateResourceServer", new
        {
            UserPoolId = setup.PoolId,
            Identifier = "https://api.example.com",
            Name = "api",
            Scopes = new[] { new { ScopeName = "read", ScopeDescription = "read" } },
        }));
        var created = await _api.CallAsync("CreateUserPoolClient", new
        {
            UserPoolId = setup.PoolId,
            ClientName = "m2m",
            GenerateSecret = true,
            AllowedOAuthFlowsUserPoolClient = true,
            AllowedOAuthFlows = (string[])["client_credentials"],
            AllowedOAuthScopes = (string[])["https://api.example.com/read"],
        });
        var clientId = created["UserPoolClient"]!["ClientId"]!.GetValue<string>();
        var secret = created["UserPoolClient"]!["ClientSecret"]!.GetValue<string>();
        var browser = new FormBrowser(factory);
        using var request = new HttpRequestMessage(HttpMethod.Post, setup.Base + "/oauth2/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));

        using var response = await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var badSecret = await OAuthTestSteps.TokenAsync(browser, setup, ("grant_type", "client_credentials"),
            ("client_id", clientId), ("client_secret", "wrong"));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["id_token"]);
        Assert.Null(body["refresh_token"]);
        var claims = OAuthTestSteps.Claims(body["access_token"]!.GetValue<string>());
        Assert.Equal("https://api.example.com/read", claims["scope"]!.GetValue<string>());
        Assert.Equal(clientId, claims["sub"]!.GetValue<string>());
        Assert.Equal("invalid_client", badSecret.Body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_UnknownGrantType_UnsupportedGrantType()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);

        var (status, body) = await OAuthTestSteps.TokenAsync(browser, setup, ("grant_type", "password"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("unsupported_grant_type", body["error"]!.GetValue<string>());
    }

    private async Task<string> SecondClientAsync(OAuthSetup.Setup setup)
    {
        var created = await _api.CallAsync("CreateUserPoolClient", new
        {
            UserPoolId = setup.PoolId,
            ClientName = "second",
            AllowedOAuthFlowsUserPoolClient = true,
            AllowedOAuthFlows = (string[])["code"],
            AllowedOAuthScopes = (string[])["openid"],
            CallbackURLs = (string[])[OAuthSetup.Callback],
            SupportedIdentityProviders = (string[])["COGNITO"],
        });
        return created["UserPoolClient"]!["ClientId"]!.GetValue<string>();
    }
}
