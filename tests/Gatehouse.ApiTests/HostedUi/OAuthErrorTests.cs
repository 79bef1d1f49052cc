using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.HostedUi;

/// <summary>The RFC 6749 §5.2 / RFC 6750 §3 error answers of the token, revoke and userInfo endpoints.</summary>
public sealed class OAuthErrorTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _api = factory.CreateAwsClient();

    private static async Task<(HttpStatusCode Status, string Error, HttpResponseMessage Response)> PostAsync(
        FormBrowser browser, string url, HttpContent content, AuthenticationHeaderValue? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Authorization = authorization;
        var response = await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        return (response.StatusCode, body["error"]!.GetValue<string>(), response);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.ToDictionary(f => f.Name, f => f.Value));

    [Fact]
    public async Task Token_MalformedRequests_InvalidRequest()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);
        var url = setup.Base + "/oauth2/token";

        var json = await PostAsync(browser, url, new StringContent("{}", Encoding.UTF8, "application/json"));
        var noClient = await PostAsync(browser, url, Form(("grant_type", "authorization_code"), ("code", "x")));
        var noGrant = await PostAsync(browser, url, Form(("client_id", setup.ClientId)));
        var noCode = await PostAsync(browser, url, Form(("client_id", setup.ClientId), ("grant_type", "authorization_code")));
        var noRefresh = await PostAsync(browser, url, Form(("client_id", setup.ClientId), ("grant_type", "refresh_token")));

        Assert.All([json, noClient, noGrant, noCode, noRefresh], r =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.Status);
            Assert.Equal("invalid_request", r.Error);
            Assert.Equal("application/json", r.Response.Content.Headers.ContentType?.MediaType);
        });
    }

    [Fact]
    public async Task Token_UnknownCodeOrRefreshToken_InvalidGrant()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);
        var url = setup.Base + "/oauth2/token";

        var code = await PostAsync(browser, url, Form(("client_id", setup.ClientId), ("grant_type", "authorization_code"),
            ("code", "not-a-code"), ("redirect_uri", OAuthSetup.Callback), ("code_verifier", OAuthSetup.Verifier)));
        var refresh = await PostAsync(browser, url, Form(("client_id", setup.ClientId), ("grant_type", "refresh_token"),
            ("refresh_token", "not-a-refresh-token")));

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (code.Status, code.Error));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (refresh.Status, refresh.Error));
    }

    [Trait("SecurityRow", "30")]
    [Trait("SecurityRowPart", "40")]
    [Fact]
    public async Task Token_WrongSecretInBasicHeader_401InvalidClientWithChallenge()
    {
        var setup = await OAuthSetup.CreateAsync(_api, secret: true);
        var browser = new FormBrowser(factory);
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(setup.ClientId + ":wrong")));

        var wrong = await PostAsync(browser, setup.Base + "/oauth2/token",
            Form(("grant_type", "refresh_token"), ("refresh_token", "x")), basic);
        var missing = await PostAsync(browser, setup.Base + "/oauth2/token",
            Form(("client_id", setup.ClientId), ("grant_type", "refresh_token"), ("refresh_token", "x")));

        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_client"), (wrong.Status, wrong.Error));
        Assert.StartsWith("Basic", wrong.Response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("invalid_client", missing.Error);
    }

    [Fact]
    public async Task Token_ClientWithoutOAuthOrPublicClientCredentials_UnauthorizedClient()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);
        var plain = await _api.CallAsync("CreateUserPoolClient", new { UserPoolId = setup.PoolId, ClientName = "plain" });
        var plainId = plain["UserPoolClient"]!["ClientId"]!.GetValue<string>();

        var notOAuth = await PostAsync(browser, setup.Base + "/oauth2/token",
            Form(("client_id", plainId), ("grant_type", "refresh_token"), ("refresh_token", "x")));
        var publicM2m = await PostAsync(browser, setup.Base + "/oauth2/token",
            Form(("client_id", setup.ClientId), ("grant_type", "client_credentials")));

        Assert.Equal((HttpStatusCode.BadRequest, "unauthorized_client"), (notOAuth.Status, notOAuth.Error));
        Assert.Equal((HttpStatusCode.BadRequest, "unauthorized_client"), (publicM2m.Status, publicM2m.Error));
    }

    [Trait("SecurityRowPart", "87")]
    [Fact]
    public async Task Token_ClientOfAnotherPoolsDomain_InvalidClient()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var other = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);

        var foreign = await PostAsync(browser, setup.Base + "/oauth2/token",
            Form(("client_id", other.ClientId), ("grant_type", "refresh_token"), ("refresh_token", "x")));

        Assert.Equal("invalid_client", foreign.Error);
    }

    [Trait("SecurityRowPart", "39")]
    [Fact]
    public async Task Revoke_MissingOrNonRefreshToken_InvalidRequestOrUnsupportedTokenType()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);
        var (_, tokens) = await OAuthTestSteps.ExchangeAsync(browser, setup, await OAuthTestSteps.SignInForCodeAsync(browser, setup));

        var missing = await PostAsync(browser, setup.Base + "/oauth2/revoke", Form(("client_id", setup.ClientId)));
        var access = await PostAsync(browser, setup.Base + "/oauth2/revoke",
            Form(("client_id", setup.ClientId), ("token", tokens["access_token"]!.GetValue<string>())));

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_request"), (missing.Status, missing.Error));
        Assert.Equal((HttpStatusCode.BadRequest, "unsupported_token_type"), (access.Status, access.Error));
    }

    [Trait("SecurityRowPart", "45")]
    [Fact]
    public async Task UserInfo_ForgedToken_401InvalidTokenChallenge()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);
        using var request = new HttpRequestMessage(HttpMethod.Get, setup.Base + "/oauth2/userInfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJIUzI1NiJ9.e30.forged");

        using var response = await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Trait("SecurityRowPart", "45")]
    [Fact]
    public async Task UserInfo_InitiateAuthTokenWithoutOpenIdScope_401InvalidToken()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);
        var signIn = await _api.PasswordAuthAsync(setup.ClientId, setup.Username, AuthSetup.Password);
        var adminToken = signIn["AuthenticationResult"]!["AccessToken"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Get, setup.Base + "/oauth2/userInfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);

        using var response = await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }
}
