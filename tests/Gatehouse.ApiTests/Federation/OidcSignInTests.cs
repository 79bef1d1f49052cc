using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Gatehouse.ApiTests.HostedUi;
using Gatehouse.TestKit;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.ApiTests.Federation;

/// <summary>
/// Signing in through an OIDC provider: /oauth2/authorize with identity_provider → the upstream's authorize URL →
/// /oauth2/idpresponse → code → tokens, against <see cref="FakeOidcUpstream"/> on a loopback port.
/// </summary>
public sealed class OidcSignInTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string Name = "Upstream";
    private readonly AwsApiClient _api = factory.CreateAwsClient();

    [Fact]
    public async Task Authorize_IdentityProvider_RedirectsUpstreamWithStateNonceAndPkce()
    {
        await using var upstream = await FakeOidcUpstream.StartAsync(TestContext.Current.CancellationToken);
        var setup = await OAuthSetup.CreateAsync(_api);
        await OidcTestSetup.AddProviderAsync(factory, setup, Name, "OIDC", upstream.Details());

        var query = await OidcTestSetup.StartAsync(new FormBrowser(factory), setup.AuthorizeUrl("&identity_provider=" + Name), upstream);

        Assert.Equal(FakeOidcUpstream.ClientId, query["client_id"]);
        Assert.Equal($"http://127.0.0.1/domains/{setup.Domain}/oauth2/idpresponse", query["redirect_uri"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("openid email profile", query["scope"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(43, query["code_challenge"].Length);
        Assert.True(query["nonce"].Length >= 32);
        Assert.True(query["state"].Length > 40);
        Assert.DoesNotContain("client_secret", query.Keys);
    }

    [Theory]
    [InlineData("NotListed")]
    [InlineData("NoSuchProvider")]
    public async Task Authorize_UnlistedOrUnknownProvider_RedirectsInvalidRequest(string requested)
    {
        await using var upstream = await FakeOidcUpstream.StartAsync(TestContext.Current.CancellationToken);
        var setup = await OAuthSetup.CreateAsync(_api);
        await OidcTestSetup.AddProviderAsync(factory, setup, "NotListed", "OIDC", upstream.Details(), listed: false);

        using var response = await new FormBrowser(factory).GetAsync(setup.AuthorizeUrl("&identity_provider=" + requested));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(OAuthSetup.Callback + "?", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var parameters = OAuthSetup.RedirectParameters(response);
        Assert.Equal("invalid_request", parameters["error"]);
        Assert.Equal("st-1", parameters["state"]);
    }

    [Fact]
    public async Task IdpResponse_FirstAndSecondSignIn_CreatesUserThenUpdatesMappedAttributes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var upstream = await FakeOidcUpstream.StartAsync(ct);
        var setup = await OAuthSetup.CreateAsync(_api);
        await OidcTestSetup.AddProviderAsync(factory, setup, Name, "OIDC", upstream.Details(userInfo: true),
            new() { ["email"] = "email", ["name"] = "name", ["custom:dept"] = "dept" });
        upstream.UserInfo = new() { ["sub"] = "alice-1", ["dept"] = "research" };

        var first = await SignInAsync(setup, upstream, new() { ["sub"] = "alice-1", ["email"] = "alice@idp.test", ["name"] = "Alice" });
        var claims = OAuthTestSteps.Claims(first["id_token"]!.GetValue<string>());
        Assert.Equal(Name + "_alice-1", claims["cognito:username"]!.GetValue<string>());
        Assert.Equal("alice@idp.test", claims["email"]!.GetValue<string>());
        Assert.Equal("Alice", claims["name"]!.GetValue<string>());
        Assert.Contains(setup.PoolId + "_" + Name, claims["cognito:groups"]!.AsArray().Select(g => g!.GetValue<string>()));
        var identity = claims["identities"]!.AsArray().Single()!.AsObject();
        Assert.Equal("alice-1", identity["userId"]!.GetValue<string>());
        Assert.Equal(Name, identity["providerName"]!.GetValue<string>());
        Assert.Equal("OIDC", identity["providerType"]!.GetValue<string>());
        var sub = claims["sub"]!.GetValue<string>();

        // The upstream got our client secret and the PKCE verifier of the challenge we sent.
        var exchange = upstream.TokenRequests.Last();
        Assert.Equal(FakeOidcUpstream.ClientSecret, exchange["client_secret"]);
        Assert.Equal("authorization_code", exchange["grant_type"]);
        Assert.Equal(43, exchange["code_verifier"].Length);

        var user = await _api.CallAsync("AdminGetUser", new { UserPoolId = setup.PoolId, Username = Name + "_alice-1" });
        Assert.Equal("EXTERNAL_PROVIDER", user["UserStatus"]!.GetValue<string>());
        Assert.Contains(user["UserAttributes"]!.AsArray(), a => a!["Name"]!.GetValue<string>() == "custom:dept"
            && a["Value"]!.GetValue<string>() == "research");

        var second = await SignInAsync(setup, upstream, new() { ["sub"] = "alice-1", ["email"] = "alice@new.test", ["name"] = "Alice B" });
        var again = OAuthTestSteps.Claims(second["id_token"]!.GetValue<string>());
        Assert.Equal(sub, again["sub"]!.GetValue<string>());
        Assert.Equal("alice@new.test", again["email"]!.GetValue<string>());
        Assert.Equal("Alice B", again["name"]!.GetValue<string>());
        Assert.Equal(2, await OidcTestSetup.UserCountAsync(factory, setup.PoolId));
    }

    [Trait("SecurityRowPart", "47")]
    [Fact]
    public async Task IdpResponse_ProviderAssertsNativeUsersEmail_CreatesSeparateUser()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var upstream = await FakeOidcUpstream.StartAsync(ct);
        var setup = await OAuthSetup.CreateAsync(_api);
        await OidcTestSetup.AddProviderAsync(factory, setup, "IdpB", "OIDC", upstream.Details());
        var native = await _api.CallAsync("AdminGetUser", new { UserPoolId = setup.PoolId, Username = setup.Username });
        var nativeSub = native["UserAttributes"]!.AsArray().First(a => a!["Name"]!.GetValue<string>() == "sub")!["Value"]!.GetValue<string>();

        var tokens = await SignInAsync(setup, upstream,
            new() { ["sub"] = nativeSub, ["email"] = setup.Username + "@example.com", ["email_verified"] = false }, "IdpB");

        var claims = OAuthTestSteps.Claims(tokens["id_token"]!.GetValue<string>());
        Assert.NotEqual(nativeSub, claims["sub"]!.GetValue<string>());
        Assert.Equal("IdpB_" + nativeSub, claims["cognito:username"]!.GetValue<string>());
        var after = await _api.CallAsync("AdminGetUser", new { UserPoolId = setup.PoolId, Username = setup.Username });
        Assert.DoesNotContain(after["UserAttributes"]!.AsArray(), a => a!["Name"]!.GetValue<string>() == "identities");
        Assert.Equal(2, await OidcTestSetup.UserCountAsync(factory, setup.PoolId));
    }

    public static TheoryData<string> BadTokens => ["wrong-iss", "wrong-aud", "expired", "nonce", "alg-none", "unknown-kid", "no-nonce"];

    [Trait("SecurityRow", "46")]
    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task IdpResponse_BadIdToken_RedirectsErrorAndCreatesNoUser(string attack)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var upstream = await FakeOidcUpstream.StartAsync(ct);
        var setup = await OAuthSetup.CreateAsync(_api);
        await OidcTestSetup.AddProviderAsync(factory, setup, Name, "OIDC", upstream.Details());
        var browser = new FormBrowser(factory);
        var query = await OidcTestSetup.StartAsync(browser, setup.AuthorizeUrl("&identity_provider=" + Name), upstream);
        var now = factory.Clock.GetUtcNow();
        var claims = new Dictionary<string, object> { ["sub"] = "mallory", ["nonce"] = query["nonce"] };
        upstream.NextIdToken = attack switch
        {
            "wrong-iss" => upstream.IdToken(now, new(claims) { ["iss"] = "https://evil.test" }),
            "wrong-aud" => upstream.IdToken(now, new(claims) { ["aud"] = "another-client" }),
            "expired" => upstream.IdToken(now.AddHours(-2), claims),
            "nonce" => upstream.IdToken(now, new(claims) { ["nonce"] = "not-the-nonce" }),
            "alg-none" => upstream.IdToken(now, claims, alg: "none"),
            "unknown-kid" => upstream.IdToken(now, claims, kid: "other-key"),
            _ => upstream.IdToken(now, new() { ["sub"] = "mallory" }),
        };

        using var response = await OidcTestSetup.CallbackAsync(browser, setup, query["state"]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(OAuthSetup.Callback + "?", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var parameters = OAuthSetup.RedirectParameters(response);
        Assert.Equal("invalid_request", parameters["error"]);
        Assert.Equal("st-1", parameters["state"]);
        Assert.DoesNotContain("code", parameters.Keys);
        Assert.Equal(1, await OidcTestSetup.UserCountAsync(factory, setup.PoolId));
    }

    [Fact]
    public async Task IdpResponse_ExpiredTokenInsideSkew_IsAccepted()
    {
        await using var upstream = await FakeOidcUpstream.StartAsync(TestContext.Current.CancellationToken);
        var setup = await OAuthSetup.CreateAsync(_api);
        await OidcTestSetup.AddProviderAsync(factory, setup, Name, "OIDC", upstream.Details());

        // exp 30 s ago: inside the one-minute skew.
        var tokens = await SignInAsync(setup, upstream, new() { ["sub"] = "skew" }, issuedAt: factory.Clock.GetUtcNow().AddSeconds(-3630));

        Assert.Equal(Name + "_skew", OAuthTestSteps.Claims(tokens["id_token"]!.GetValue<string>())["cognito:username"]!.GetValue<string>());
    }

    [Trait("SecurityRow", "46")]
    [Fact]
    public async Task IdpResponse_ReplayedOrForeignState_ShowsErrorPage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var upstream = await FakeOidcUpstream.StartAsync(ct);
        var setup = await OAuthSetup.CreateAsync(_api);
        await OidcTestSetup.AddProviderAsync(factory, setup, Name, "OIDC", upstream.Details());
        var browser = new FormBrowser(factory);
        var query = await OidcTestSetup.StartAsync(browser, setup.AuthorizeUrl("&identity_provider=" + Name), upstream);
        upstream.NextIdToken = upstream.IdToken(factory.Clock.GetUtcNow(), new() { ["sub"] = "bob", ["nonce"] = query["nonce"] });
        using var first = await OidcTestSetup.CallbackAsync(browser, setup, query["state"]);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("code", OAuthSetup.RedirectParameters(first).Keys);

        using var replay = await OidcTestSetup.CallbackAsync(browser, setup, query["state"]);
        using var foreign = await OidcTestSetup.CallbackAsync(browser, setup, "made-up-state");
        var other = await OAuthSetup.CreateAsync(_api);
        using var otherPool = await OidcTestSetup.CallbackAsync(browser, other, query["state"]);

        foreach (var response in new[] { replay, foreign, otherPool })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("expired or was completed already", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        Assert.Single(upstream.TokenRequests);
    }

    [Fact]
    public async Task IdpResponse_UpstreamError_RedirectsItToClient()
    {
        await using var upstream = await FakeOidcUpstream.StartAsync(TestContext.Current.CancellationToken);
        var setup = await OAuthSetup.CreateAsync(_api);
        await OidcTestSetup.AddProviderAsync(factory, setup, Name, "OIDC", upstream.Details());
        var browser = new FormBrowser(factory);
        var query = await OidcTestSetup.StartAsync(browser, setup.AuthorizeUrl("&identity_provider=" + Name + "&prompt=none"), upstream);
        Assert.Equal("none", query["prompt"]);

        using var response = await browser.GetAsync(
            $"{setup.Base}/oauth2/idpresponse?error=login_required&state={Uri.EscapeDataString(query["state"])}");

        var parameters = OAuthSetup.RedirectParameters(response);
        Assert.Equal("login_required", parameters["error"]);
        Assert.Equal("st-1", parameters["state"]);
        Assert.Empty(upstream.TokenRequests);
    }

    [Trait("SecurityRowPart", "48")]
    [Theory]
    [InlineData(FakeOidcUpstream.Mode.Status500)]
    [InlineData(FakeOidcUpstream.Mode.Hang)]
    [InlineData(FakeOidcUpstream.Mode.Huge)]
    public async Task IdpResponse_UpstreamFails_RedirectsErrorWithinTimeout(FakeOidcUpstream.Mode mode)
    {
        using var bounded = new GatehouseFactory().WithSetting("Gatehouse:Federation:Upstream:TimeoutSeconds", "2");
        await using var upstream = await FakeOidcUpstream.StartAsync(TestContext.Current.CancellationToken);
        var setup = await OAuthSetup.CreateAsync(bounded.CreateAwsClient());
        await OidcTestSetup.AddProviderAsync(bounded, setup, Name, "OIDC", upstream.Details());
        var browser = new FormBrowser(bounded);
        var query = await OidcTestSetup.StartAsync(browser, setup.AuthorizeUrl("&identity_provider=" + Name), upstream);
        upstream.TokenMode = mode;

        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var response = await OidcTestSetup.CallbackAsync(browser, setup, query["state"]);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(8), $"took {watch.Elapsed}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("invalid_request", OAuthSetup.RedirectParameters(response)["error"]);
        Assert.Equal(1, await OidcTestSetup.UserCountAsync(bounded, setup.PoolId));
    }

    private async Task<JsonObject> SignInAsync(
        OAuthSetup.Setup setup, FakeOidcUpstream upstream, Dictionary<string, object> claims, string name = Name,
        DateTimeOffset? issuedAt = null)
    {
        var browser = new FormBrowser(factory);
        var query = await OidcTestSetup.StartAsync(browser, setup.AuthorizeUrl("&identity_provider=" + name), upstream);
        upstream.NextIdToken = upstream.IdToken(issuedAt ?? factory.Clock.GetUtcNow(), new(claims) { ["nonce"] = query["nonce"] });

        using var callback = await OidcTestSetup.CallbackAsync(browser, setup, query["state"]);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var parameters = OAuthSetup.RedirectParameters(callback);
        Assert.Equal("st-1", parameters["state"]);
        var verifier = upstream.TokenRequests.Last()["code_verifier"];
        Assert.Equal(query["code_challenge"], Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
        var (status, tokens) = await OAuthTestSteps.ExchangeAsync(browser, setup, parameters["code"]);
        Assert.Equal(HttpStatusCode.OK, status);
        return tokens;
    }
}
