using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Gatehouse.ApiTests.HostedUi;
using Gatehouse.TestKit;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.ApiTests.Federation;

/// <summary>
/// The social types against <see cref="FakeOidcUpstream"/> standing in for each: Facebook and Login with Amazon (no
/// ID token: the user comes from <c>attributes_url</c>), Sign in with Apple (form_post callback, ES256 client
/// secret) and Google (ID token; its People API answer is optional).
/// </summary>
public sealed class OidcSocialTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _api = factory.CreateAwsClient();

    [Fact]
    public async Task Facebook_SignIn_ExchangesByGetAndReadsMappedFields()
    {
        await using var upstream = await FakeOidcUpstream.StartAsync(TestContext.Current.CancellationToken);
        var setup = await OAuthSetup.CreateAsync(_api);
        await OidcTestSetup.AddProviderAsync(factory, setup, "Facebook", "Facebook", Social(upstream, new()
        {
            ["authorize_scopes"] = "public_profile,email",
            ["attributes_url"] = upstream.BaseUrl + "/userinfo?fields=",
            ["attributes_url_add_attributes"] = "true",
            ["token_request_method"] = "GET",
        }));
        upstream.UserInfo = new() { ["id"] = "fb-1", ["email"] = "f@fb.test" };
        var browser = new FormBrowser(factory);
        var query = await OidcTestSetup.StartAsync(browser, setup.AuthorizeUrl("&identity_provider=Facebook"), upstream);
        Assert.DoesNotContain("nonce", query.Keys);
        Assert.Equal("public_profile,email", query["scope"]);

        var claims = await FinishAsync(browser, setup, await OidcTestSetup.CallbackAsync(browser, setup, query["state"]));

        Assert.Equal("Facebook_fb-1", claims["cognito:username"]!.GetValue<string>());
        Assert.Equal("f@fb.test", claims["email"]!.GetValue<string>());
        Assert.Equal(FakeOidcUpstream.ClientSecret, upstream.TokenRequests.Single()["client_secret"]);
        Assert.Equal("?fields=email,id", upstream.UserInfoRequests.Single());
    }

    [Fact]
    public async Task Amazon_SignIn_TakesUserIdAsSubject()
    {
        await using var upstream = await FakeOidcUpstream.StartAsync(TestContext.Current.CancellationToken);
        var setup = await OAuthSetup.CreateAsync(_api);
        await OidcTestSetup.AddProviderAsync(factory, setup, "LoginWithAmazon", "LoginWithAmazon", Social(upstream, new()
        {
            ["authorize_scopes"] = "profile",
            ["attributes_url"] = upstream.BaseUrl + "/userinfo",
            ["attributes_url_add_attributes"] = "false",
        }));
        upstream.UserInfo = new() { ["user_id"] = "amzn1.account.X1", ["email"] = "a@amazon.test" };
        var browser = new FormBrowser(factory);
        var query = await OidcTestSetup.StartAsync(browser, setup.AuthorizeUrl("&identity_provider=LoginWithAmazon"), upstream);

        var claims = await FinishAsync(browser, setup, await OidcTestSetup.CallbackAsync(browser, setup, query["state"]));

        Assert.Equal("LoginWithAmazon_amzn1.account.X1", claims["cognito:username"]!.GetValue<string>());
        Assert.Equal("LoginWithAmazon", claims["identities"]!.AsArray().Single()!["providerType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Apple_FormPostCallback_SignsInWithEs256ClientSecret()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var upstream = await FakeOidcUpstream.StartAsync(ct);
        using var appleKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var setup = await OAuthSetup.CreateAsync(_api);
        await OidcTestSetup.AddProviderAsync(factory, setup, "SignInWithApple", "SignInWithApple", Social(upstream, new()
        {
            ["authorize_scopes"] = "email name",
            ["team_id"] = "TEAM123456",
            ["key_id"] = "KEY1234567",
            ["private_key"] = appleKey.ExportPkcs8PrivateKeyPem(),
            ["oidc_issuer"] = upstream.Issuer,
            ["jwks_uri"] = upstream.BaseUrl + "/jwks",
        }, secret: false));
        var browser = new FormBrowser(factory);
        var query = await OidcTestSetup.StartAsync(browser, setup.AuthorizeUrl("&identity_provider=SignInWithApple"), upstream);
        Assert.Equal("form_post", query["response_mode"]);
        Assert.DoesNotContain("code_challenge", query.Keys);
        upstream.NextIdToken = upstream.IdToken(factory.Clock.GetUtcNow(),
            new() { ["sub"] = "001234.apple", ["nonce"] = query["nonce"], ["email"] = "x@privaterelay.appleid.com" });

        using var callback = await browser.Http.PostAsync(setup.Base + "/oauth2/idpresponse",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["state"] = query["state"], ["code"] = "apple-code" }), ct);
        var claims = await FinishAsync(browser, setup, callback);

        Assert.Equal("SignInWithApple_001234.apple", claims["cognito:username"]!.GetValue<string>());
        var assertion = upstream.TokenRequests.Single()["client_secret"];
        var checkedSecret = await new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            ValidIssuer = "TEAM123456",
            ValidAudience = "https://appleid.apple.com",
            IssuerSigningKey = new ECDsaSecurityKey(ECDsa.Create(appleKey.ExportParameters(false))),
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        });
        Assert.True(checkedSecret.IsValid, checkedSecret.Exception?.Message);
        Assert.Equal(FakeOidcUpstream.ClientId, checkedSecret.Claims["sub"]);
        Assert.Equal("KEY1234567", ((JsonWebToken)checkedSecret.SecurityToken).Kid);
    }

    [Fact]
    public async Task Google_PeopleApiUnavailable_SignsInFromIdToken()
    {
        await using var upstream = await FakeOidcUpstream.StartAsync(TestContext.Current.CancellationToken);
        var setup = await OAuthSetup.CreateAsync(_api);
        await OidcTestSetup.AddProviderAsync(factory, setup, "Google", "Google", Social(upstream, new()
        {
            ["authorize_scopes"] = "openid email",
            ["oidc_issuer"] = upstream.Issuer,
            ["jwks_uri"] = upstream.BaseUrl + "/jwks",
            ["attributes_url"] = upstream.BaseUrl + "/userinfo",
        }));
        var browser = new FormBrowser(factory);
        var query = await OidcTestSetup.StartAsync(browser, setup.AuthorizeUrl("&identity_provider=Google"), upstream);
        upstream.NextIdToken = upstream.IdToken(factory.Clock.GetUtcNow(),
            new() { ["sub"] = "1098", ["nonce"] = query["nonce"], ["email"] = "g@gmail.test" });

        var claims = await FinishAsync(browser, setup, await OidcTestSetup.CallbackAsync(browser, setup, query["state"]));

        Assert.Equal("Google_1098", claims["cognito:username"]!.GetValue<string>());
        Assert.Equal("g@gmail.test", claims["email"]!.GetValue<string>());
    }

    private static Dictionary<string, string> Social(FakeOidcUpstream upstream, Dictionary<string, string> extra, bool secret = true)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["client_id"] = FakeOidcUpstream.ClientId,
            ["authorize_url"] = upstream.BaseUrl + "/authorize",
            ["token_url"] = upstream.BaseUrl + "/token",
        };
        if (secret)
        {
            details["client_secret"] = FakeOidcUpstream.ClientSecret;
        }

        foreach (var (key, value) in extra)
        {
            details[key] = value;
        }

        return details;
    }

    private static async Task<JsonObject> FinishAsync(FormBrowser browser, OAuthSetup.Setup setup, HttpResponseMessage callback)
    {
        using (callback)
        {
            Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
            var parameters = OAuthSetup.RedirectParameters(callback);
            Assert.True(parameters.ContainsKey("code"), callback.Headers.Location?.ToString());
            var (status, tokens) = await OAuthTestSteps.ExchangeAsync(browser, setup, parameters["code"]);
            Assert.Equal(HttpStatusCode.OK, status);
            return OAuthTestSteps.Claims(tokens["id_token"]!.GetValue<string>());
        }
    }
}
