using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gatehouse.ApiTests.Passkeys;
using Gatehouse.TestKit;
using static Gatehouse.ApiTests.HostedUi.HostedMfaSetup;

namespace Gatehouse.ApiTests.HostedUi;

/// <summary>
/// The hosted UI's passkey sign-in (issue 9 item 4): the login page's link, the challenge page with its one script
/// allowed by its own CSP, the assertion checked as USER_AUTH's WEB_AUTHN, an unknown user indistinguishable, a
/// cancelled or replayed ceremony refused, and pools without passkeys offering none.
/// </summary>
public sealed partial class PasskeyPageTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _api = factory.CreateAwsClient();

    [Fact]
    public async Task Passkey_RegisteredKey_SignsInToCallback()
    {
        var (setup, key) = await PoolAsync();
        var browser = new FormBrowser(factory);

        var login = await browser.GetPageAsync(setup.LoginUrl());
        var (challenge, page) = await ChallengeAsync(browser, setup, setup.Username);
        using var done = await browser.SubmitAsync(page, ("credential", key.Assert(Options(page), PasskeyPool.Origin).ToJsonString()));

        Assert.Contains("/passkey?", login, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", challenge.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("/passkey.js\"></script>", page, StringComparison.Ordinal);
        Assert.True(SignedIn(done));
        Assert.True(SetsSessionCookie(done));
        Assert.Equal("st-1", OAuthSetup.RedirectParameters(done)["state"]);
    }

    [Fact]
    public async Task Script_ServedAsJavaScript_LoginPageAllowsNoScript()
    {
        var (setup, _) = await PoolAsync();
        var browser = new FormBrowser(factory);

        using var script = await browser.GetAsync(setup.Base + "/passkey.js");
        using var login = await browser.GetAsync(setup.LoginUrl());

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("navigator.credentials.get", await HtmlAsync(script), StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", login.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Trait("SecurityRowPart", "15")]
    [Fact]
    public async Task UnknownUser_SamePageThenRefused()
    {
        var (setup, key) = await PoolAsync();
        var browser = new FormBrowser(factory);

        var (challenge, page) = await ChallengeAsync(browser, setup, "nobody-" + setup.Username);
        using var answer = await browser.SubmitAsync(page, ("credential", key.Assert(Options(page), PasskeyPool.Origin).ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, challenge.StatusCode);
        Assert.Contains("data-options=", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("The passkey was not accepted.", await HtmlAsync(answer), StringComparison.Ordinal);
        Assert.False(SetsSessionCookie(answer));
    }

    [Fact]
    public async Task CancelledCeremony_MessageAndNoSignIn()
    {
        var (setup, _) = await PoolAsync();
        var browser = new FormBrowser(factory);

        var (_, page) = await ChallengeAsync(browser, setup, setup.Username);
        using var answer = await browser.SubmitAsync(page, ("credential", string.Empty));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("The passkey was not accepted.", await HtmlAsync(answer), StringComparison.Ordinal);
        Assert.False(SignedIn(answer));
    }

    [Trait("SecurityRowPart", "79")]
    [Fact]
    public async Task ReplayedAssertion_SecondPostRefused()
    {
        var (setup, key) = await PoolAsync();
        var browser = new FormBrowser(factory);
        var (_, page) = await ChallengeAsync(browser, setup, setup.Username);
        var credential = key.Assert(Options(page), PasskeyPool.Origin).ToJsonString();

        using var first = await browser.SubmitAsync(page, ("credential", credential));
        using var second = await browser.SubmitAsync(page, ("credential", credential));

        Assert.True(SignedIn(first));
        Assert.False(SignedIn(second));
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }

    [Trait("SecurityRowPart", "79")]
    [Fact]
    public async Task WrongOrigin_Refused()
    {
        var (setup, key) = await PoolAsync();
        var browser = new FormBrowser(factory);
        var (_, page) = await ChallengeAsync(browser, setup, setup.Username);

        using var answer = await browser.SubmitAsync(page,
            ("credential", key.Assert(Options(page), "https://evil.example.com").ToJsonString()));

        Assert.False(SignedIn(answer));
        Assert.Contains("The passkey was not accepted.", await HtmlAsync(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PoolWithoutPasskeys_NoLinkAndPageRefuses()
    {
        var setup = await OAuthSetup.CreateAsync(_api);
        var browser = new FormBrowser(factory);

        var login = await browser.GetPageAsync(setup.LoginUrl());
        var form = await browser.GetPageAsync(setup.Base + "/passkey" + new Uri("http://x" + setup.AuthorizeUrl()).Query);
        using var posted = await browser.SubmitAsync(form, ("username", setup.Username));

        Assert.DoesNotContain("/passkey?", login, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("Passkeys are not available here.", await HtmlAsync(posted), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasskeyPlusMfaPool_AsksTotpAfterPasskey()
    {
        var (setup, key) = await PoolAsync(new JsonObject { ["gatehouse:passkey-plus-mfa"] = "true" }, mfa: true);
        var secret = await RegisterTotpAsync(_api, factory, setup, setup.Username);
        var browser = new FormBrowser(factory);

        var (_, page) = await ChallengeAsync(browser, setup, setup.Username);
        using var answer = await browser.SubmitAsync(page, ("credential", key.Assert(Options(page), PasskeyPool.Origin).ToJsonString()));
        var mfaPage = await HtmlAsync(answer);
        using var done = await browser.SubmitAsync(mfaPage, ("totpCode", Code(factory, secret)));

        Assert.Contains("name=\"totpCode\"", mfaPage, StringComparison.Ordinal);
        Assert.False(SetsSessionCookie(answer));
        Assert.True(SignedIn(done));
    }

    /// <summary>The username form posted: the challenge page with its options.</summary>
    private static async Task<(HttpResponseMessage Response, string Html)> ChallengeAsync(
        FormBrowser browser, OAuthSetup.Setup setup, string username)
    {
        var form = await browser.GetPageAsync(setup.Base + "/passkey" + new Uri("http://x" + setup.AuthorizeUrl()).Query);
        var response = await browser.SubmitAsync(form, ("username", username));
        return (response, await HtmlAsync(response));
    }

    private static JsonNode Options(string html) =>
        JsonNode.Parse(WebUtility.HtmlDecode(OptionsAttribute().Match(html).Groups[1].Value))!;

    /// <summary>
    /// An OAuth pool (as <see cref="OAuthSetup"/>) whose sign-in policy allows passkeys (relying party localhost),
    /// and its user with a registered <see cref="SoftAuthenticator"/>.
    /// </summary>
    private async Task<(OAuthSetup.Setup Setup, SoftAuthenticator Key)> PoolAsync(JsonObject? tags = null, bool mfa = false)
    {
        var passkeys = await PasskeyPool.CreateAsync(_api, tags: tags, clientSettings: new JsonObject
        {
            ["AllowedOAuthFlowsUserPoolClient"] = true,
            ["AllowedOAuthFlows"] = new JsonArray("code"),
            ["AllowedOAuthScopes"] = new JsonArray("openid", "email", "profile"),
            ["CallbackURLs"] = new JsonArray(OAuthSetup.Callback),
            ["SupportedIdentityProviders"] = new JsonArray("COGNITO"),
        });
        if (mfa)
        {
            AuthSetup.Ok(await _api.CallAsync("SetUserPoolMfaConfig", new
            {
                UserPoolId = passkeys.PoolId,
                MfaConfiguration = "OPTIONAL",
                SoftwareTokenMfaConfiguration = new { Enabled = true },
                WebAuthnConfiguration = new { RelyingPartyId = PasskeyPool.RpId, UserVerification = "preferred" },
            }));
        }

        var domain = "d" + Guid.NewGuid().ToString("N")[..12];
        AuthSetup.Ok(await _api.CallAsync("CreateUserPoolDomain", new { UserPoolId = passkeys.PoolId, Domain = domain }));
        var username = "u" + Guid.NewGuid().ToString("N")[..8];
        var token = await passkeys.UserWithTokenAsync(username);
        var key = new SoftAuthenticator();
        await passkeys.RegisterAsync(token, key);
        return (new OAuthSetup.Setup(passkeys.PoolId, passkeys.ClientId, null, domain, username), key);
    }

    [GeneratedRegex("data-options=\"([^\"]*)\"")]
    private static partial Regex OptionsAttribute();
}
