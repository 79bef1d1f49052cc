using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.ApiTests.SelfService;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.HostedUi;

public sealed class SelfServicePagesTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string NewPassword = "Fresh-Passw0rd!";
    private static readonly string[] Email = ["email"];
    private readonly AwsApiClient _api = factory.CreateAwsClient();

    /// <summary>An OAuth client on a pool that verifies email (so sign-up sends a code) and has a domain.</summary>
    private async Task<OAuthSetup.Setup> SetupAsync(bool secret = false)
    {
        var setup = await OAuthSetup.CreateAsync(_api, secret);
        AuthSetup.Ok(await _api.CallAsync("UpdateUserPool", new { UserPoolId = setup.PoolId, AutoVerifiedAttributes = Email }));
        AuthSetup.Ok(await _api.CallAsync("AdminUpdateUserAttributes", new
        {
            UserPoolId = setup.PoolId,
            Username = setup.Username,
            UserAttributes = new[] { new { Name = "email_verified", Value = "true" } },
        }));
        return setup;
    }

    private static string Url(OAuthSetup.Setup setup, string path) =>
        setup.Base + path + new Uri("http://x" + setup.AuthorizeUrl()).Query;

    private static async Task<string> TextAsync(HttpResponseMessage response) =>
        await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task SignUp_Page_FieldsAndPasswordPolicy()
    {
        var setup = await SetupAsync();
        var browser = new FormBrowser(factory);

        var page = await browser.GetPageAsync(Url(setup, "/signup"));

        Assert.Contains("name=\"username\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"password\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"password-policy\"", page, StringComparison.Ordinal);
        Assert.Contains("At least 8 characters", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"f-username\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_ThenCodeFromEmail_RedirectsToCallbackWithCode()
    {
        var setup = await SetupAsync(secret: true);
        var browser = new FormBrowser(factory);
        var signup = await browser.GetPageAsync(Url(setup, "/signup"));
        var email = $"new-{Guid.NewGuid():N}@example.com";

        using var confirmPage = await browser.SubmitAsync(signup,
            ("username", "newbie"), ("email", email), ("password", NewPassword));
        var confirm = await TextAsync(confirmPage);
        var code = await SelfServiceSetup.LastCodeAsync(factory, email);
        using var done = await browser.SubmitAsync(confirm, ("code", code));

        Assert.Equal(HttpStatusCode.OK, confirmPage.StatusCode);
        Assert.Contains("name=\"code\"", confirm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.StartsWith(OAuthSetup.Callback + "?", done.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal("st-1", OAuthSetup.RedirectParameters(done)["state"]);
        Assert.Equal("CONFIRMED", (await TestStore.UserAsync(factory, setup.PoolId, "newbie")).Status);
    }

    [Fact]
    public async Task SignUp_WeakPassword_PolicyMessageAndNoUser()
    {
        var setup = await SetupAsync();
        var browser = new FormBrowser(factory);
        var signup = await browser.GetPageAsync(Url(setup, "/signup"));

        using var response = await browser.SubmitAsync(signup,
            ("username", "weakling"), ("email", "weak@example.com"), ("password", "short"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await TextAsync(response);
        Assert.Contains("Password does not conform to policy", text, StringComparison.Ordinal);
        var described = await _api.CallAsync("AdminGetUser", new { UserPoolId = setup.PoolId, Username = "weakling" });
        Assert.Equal("UserNotFoundException", described.ErrorType);
    }

    [Trait("SecurityRowPart", "42")]
    [Fact]
    public async Task SignUp_WithoutCsrfField_FormExpiredAndNoUser()
    {
        var setup = await SetupAsync();
        var browser = new FormBrowser(factory);
        var signup = (await browser.GetPageAsync(Url(setup, "/signup"))).Replace("name=\"_csrf\"", "name=\"other\"", StringComparison.Ordinal);

        using var response = await browser.SubmitAsync(signup,
            ("username", "forged"), ("email", "forged@example.com"), ("password", NewPassword));

        Assert.Contains("This form has expired", await TextAsync(response), StringComparison.Ordinal);
        var described = await _api.CallAsync("AdminGetUser", new { UserPoolId = setup.PoolId, Username = "forged" });
        Assert.Equal("UserNotFoundException", described.ErrorType);
    }

    [Fact]
    public async Task Confirm_WrongCode_CodeMismatchMessageAndUserUnconfirmed()
    {
        var setup = await SetupAsync();
        var browser = new FormBrowser(factory);
        var signup = await browser.GetPageAsync(Url(setup, "/signup"));
        var email = $"wrong-{Guid.NewGuid():N}@example.com";
        using var confirmPage = await browser.SubmitAsync(signup, ("username", "mistyped"), ("email", email), ("password", NewPassword));
        var code = await SelfServiceSetup.LastCodeAsync(factory, email);

        using var response = await browser.SubmitAsync(await TextAsync(confirmPage), ("code", SelfServiceSetup.Wrong(code)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Invalid verification code provided", await TextAsync(response), StringComparison.Ordinal);
        Assert.Equal("UNCONFIRMED", (await TestStore.UserAsync(factory, setup.PoolId, "mistyped")).Status);
    }

    [Fact]
    public async Task ForgotPassword_CodeAndNewPassword_SignInWithNewPassword()
    {
        var setup = await SetupAsync();
        var browser = new FormBrowser(factory);
        var forgot = await browser.GetPageAsync(Url(setup, "/forgotPassword"));

        using var confirmPage = await browser.SubmitAsync(forgot, ("username", setup.Username));
        var code = await SelfServiceSetup.LastCodeAsync(factory, setup.Username + "@example.com");
        using var changed = await browser.SubmitAsync(await TextAsync(confirmPage),
            ("code", code), ("password", NewPassword), ("confirmPassword", NewPassword));
        var login = await browser.GetPageAsync(changed.Headers.Location!.ToString());
        using var signedIn = await browser.SubmitAsync(login, ("username", setup.Username), ("password", NewPassword));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("/login?", changed.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith(OAuthSetup.Callback + "?", signedIn.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmForgotPassword_PasswordsDiffer_MessageAndPasswordUnchanged()
    {
        var setup = await SetupAsync();
        var browser = new FormBrowser(factory);
        var forgot = await browser.GetPageAsync(Url(setup, "/forgotPassword"));
        using var confirmPage = await browser.SubmitAsync(forgot, ("username", setup.Username));
        var code = await SelfServiceSetup.LastCodeAsync(factory, setup.Username + "@example.com");

        using var response = await browser.SubmitAsync(await TextAsync(confirmPage),
            ("code", code), ("password", NewPassword), ("confirmPassword", NewPassword + "x"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The passwords do not match.", await TextAsync(response), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK,
            (await _api.PasswordAuthAsync(setup.ClientId, setup.Username, AuthSetup.Password)).Status);
    }

    [Trait("SecurityRowPart", "15")]
    [Fact]
    public async Task ForgotPassword_UnknownUserWithPreventUserExistenceErrors_SameCodePage()
    {
        var setup = await OAuthSetup.CreateAsync(_api, clientSettings: new JsonObject { ["PreventUserExistenceErrors"] = "ENABLED" });
        var browser = new FormBrowser(factory);
        var forgot = await browser.GetPageAsync(Url(setup, "/forgotPassword"));

        using var known = await browser.SubmitAsync(forgot, ("username", setup.Username));
        using var unknown = await browser.SubmitAsync(forgot, ("username", "nobody-" + setup.Username));

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("name=\"code\"", await TextAsync(unknown), StringComparison.Ordinal);
    }
}
