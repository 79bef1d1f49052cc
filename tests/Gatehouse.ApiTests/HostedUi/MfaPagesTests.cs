using System.Net;
using Gatehouse.TestKit;
using static Gatehouse.ApiTests.HostedUi.HostedMfaSetup;

namespace Gatehouse.ApiTests.HostedUi;

/// <summary>
/// The hosted UI's MFA pages (issue 9 item 4; security-suite rows 5, 42, 75-78): TOTP, SMS code, choice of factor,
/// TOTP setup with a QR code, wrong and replayed codes, lockout, CSRF and sealed state.
/// </summary>
public sealed class MfaPagesTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _api = factory.CreateAwsClient();

    [Fact]
    public async Task Login_TotpUser_CodePageThenCallback()
    {
        var setup = await PoolAsync(_api, "OPTIONAL");
        var secret = await RegisterTotpAsync(_api, factory, setup, setup.Username);

        var (browser, password, page) = await PasswordAsync(factory, setup, setup.Username);
        using var done = await browser.SubmitAsync(page, ("totpCode", Code(factory, secret)));

        Assert.Equal(HttpStatusCode.OK, password.StatusCode);
        Assert.False(SetsSessionCookie(password));
        Assert.Contains("name=\"totpCode\"", page, StringComparison.Ordinal);
        Assert.Contains("/mfa\"", page, StringComparison.Ordinal);
        Assert.True(SignedIn(done));
        Assert.True(SetsSessionCookie(done));
        Assert.Equal("st-1", OAuthSetup.RedirectParameters(done)["state"]);
    }

    [Fact]
    public async Task TotpPage_WrongCode_MessageThenRightCodeSignsIn()
    {
        var setup = await PoolAsync(_api, "OPTIONAL");
        var secret = await RegisterTotpAsync(_api, factory, setup, setup.Username);
        var (browser, _, page) = await PasswordAsync(factory, setup, setup.Username);
        var right = Code(factory, secret);
        var wrongCode = right == "000000" ? "111111" : "000000";

        using var wrong = await browser.SubmitAsync(page, ("totpCode", wrongCode));
        var again = await HtmlAsync(wrong);
        using var done = await browser.SubmitAsync(again, ("totpCode", right));

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("The code is not correct. Try again.", again, StringComparison.Ordinal);
        Assert.False(SetsSessionCookie(wrong));
        Assert.True(SignedIn(done));
    }

    [Trait("SecurityRowPart", "75")]
    [Fact]
    public async Task TotpPage_ReplayedCode_Refused()
    {
        var setup = await PoolAsync(_api, "OPTIONAL");
        var secret = await RegisterTotpAsync(_api, factory, setup, setup.Username);
        var code = Code(factory, secret);
        var (first, _, firstPage) = await PasswordAsync(factory, setup, setup.Username);
        using var signedIn = await first.SubmitAsync(firstPage, ("totpCode", code));

        var (second, _, secondPage) = await PasswordAsync(factory, setup, setup.Username);
        using var replayed = await second.SubmitAsync(secondPage, ("totpCode", code));
        using var formReplayed = await first.SubmitAsync(firstPage, ("totpCode", code));

        Assert.True(SignedIn(signedIn));
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Contains("This code was used already.", await HtmlAsync(replayed), StringComparison.Ordinal);
        Assert.False(SignedIn(formReplayed));
    }

    [Trait("SecurityRowPart", "5")]
    [Fact]
    public async Task TotpPage_FiveWrongCodes_LockoutText()
    {
        var setup = await PoolAsync(_api, "OPTIONAL");
        var secret = await RegisterTotpAsync(_api, factory, setup, setup.Username);
        var (browser, _, page) = await PasswordAsync(factory, setup, setup.Username);
        var wrongCode = Code(factory, secret) == "000000" ? "111111" : "000000";

        var texts = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await browser.SubmitAsync(page, ("totpCode", wrongCode));
            texts.Add(await HtmlAsync(wrong));
        }

        using var afterwards = await browser.SubmitAsync(page, ("totpCode", Code(factory, secret)));

        Assert.All(texts[..4], t => Assert.Contains("The code is not correct.", t, StringComparison.Ordinal));
        Assert.Contains("Password attempts exceeded.", texts[4], StringComparison.Ordinal);
        Assert.False(SignedIn(afterwards));
    }

    [Fact]
    public async Task Login_SmsUser_CodeFromOutboxSignsIn()
    {
        var setup = await PoolAsync(_api, "OPTIONAL", sms: true, totp: false);
        var username = "sms-" + setup.Username;
        await _api.CreateUserAsync(setup.PoolId, username, AuthSetup.Password, ("phone_number", Phone),
            ("phone_number_verified", "true"));
        AuthSetup.Ok(await _api.CallAsync("AdminSetUserMFAPreference", new
        {
            UserPoolId = setup.PoolId,
            Username = username,
            SMSMfaSettings = new { Enabled = true, PreferredMfa = true },
        }));

        var (browser, password, page) = await PasswordAsync(factory, setup, username);
        var code = await OutboxCodeAsync(factory, Phone);
        using var done = await browser.SubmitAsync(page, ("code", code));

        Assert.Equal(HttpStatusCode.OK, password.StatusCode);
        Assert.Contains("text message", page, StringComparison.Ordinal);
        Assert.Contains("*******0123", page, StringComparison.Ordinal);
        Assert.DoesNotContain(code, page, StringComparison.Ordinal);
        Assert.Contains("name=\"code\"", page, StringComparison.Ordinal);
        Assert.True(SignedIn(done));
    }

    [Fact]
    public async Task RequiredPool_UserWithoutFactor_SetupWithQrAndSecretThenTotpOn()
    {
        var setup = await PoolAsync(_api, "ON");

        var (browser, password, page) = await PasswordAsync(factory, setup, setup.Username);
        var secret = Gatehouse.Server.Mfa.TotpCodes.FromBase32(ShownSecret(page));
        using var wrong = await browser.SubmitAsync(page, ("totpCode", "000000"), ("deviceName", "phone"));
        var again = await HtmlAsync(wrong);
        using var done = await browser.SubmitAsync(again, ("totpCode", Code(factory, secret)), ("deviceName", "phone"));
        NextStep(factory);
        var (_, _, next) = await PasswordAsync(factory, setup, setup.Username);

        Assert.Equal(HttpStatusCode.OK, password.StatusCode);
        Assert.Contains("<img class=\"qr\" src=\"data:image/png;base64,", page, StringComparison.Ordinal);
        Assert.Equal(32, ShownSecret(page).Length);
        Assert.Contains("/mfa/setup\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(ShownSecret(page), ShownSecret(again));
        Assert.True(SignedIn(done));
        Assert.Contains("name=\"totpCode\"", next, StringComparison.Ordinal);
        Assert.Contains("/mfa\"", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoFactorsNonePreferred_ChoicePageThenChosenFactor()
    {
        var setup = await PoolAsync(_api, "OPTIONAL", sms: true);
        var username = "both-" + setup.Username;
        await _api.CreateUserAsync(setup.PoolId, username, AuthSetup.Password, ("phone_number", Phone),
            ("phone_number_verified", "true"));
        var secret = await RegisterTotpAsync(_api, factory, setup, username, preferred: false);
        AuthSetup.Ok(await _api.CallAsync("AdminSetUserMFAPreference", new
        {
            UserPoolId = setup.PoolId,
            Username = username,
            SMSMfaSettings = new { Enabled = true, PreferredMfa = false },
        }));

        var (browser, _, choice) = await PasswordAsync(factory, setup, username);
        using var chosen = await browser.SubmitAsync(choice, ("factor", "SOFTWARE_TOKEN_MFA"));
        var totpPage = await HtmlAsync(chosen);
        using var done = await browser.SubmitAsync(totpPage, ("totpCode", Code(factory, secret)));
        using var reused = await browser.SubmitAsync(choice, ("factor", "SMS_MFA"));

        Assert.Contains("name=\"factor\" value=\"SMS_MFA\"", choice, StringComparison.Ordinal);
        Assert.Contains("name=\"factor\" value=\"SOFTWARE_TOKEN_MFA\"", choice, StringComparison.Ordinal);
        Assert.Contains("name=\"totpCode\"", totpPage, StringComparison.Ordinal);
        Assert.True(SignedIn(done));
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("Your session has expired.", await HtmlAsync(reused), StringComparison.Ordinal);
    }

    [Trait("SecurityRowPart", "42")]
    [Fact]
    public async Task TotpPage_MissingCsrf_ForbiddenAndNothingUsed()
    {
        var setup = await PoolAsync(_api, "OPTIONAL");
        var secret = await RegisterTotpAsync(_api, factory, setup, setup.Username);
        var (browser, _, page) = await PasswordAsync(factory, setup, setup.Username);
        var code = Code(factory, secret);

        using var forged = await browser.SubmitAsync(page, ("_csrf", ""), ("totpCode", code));
        using var done = await browser.SubmitAsync(page, ("totpCode", code));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.False(SetsSessionCookie(forged));
        Assert.True(SignedIn(done));
    }

    [Trait("SecurityRowPart", "77")]
    [Fact]
    public async Task TotpPage_StateOfAnotherUserOrAnApiSession_Refused()
    {
        var setup = await PoolAsync(_api, "OPTIONAL");
        var victimSecret = await RegisterTotpAsync(_api, factory, setup, setup.Username);
        var attacker = "att-" + setup.Username;
        await _api.CreateUserAsync(setup.PoolId, attacker, AuthSetup.Password);
        var attackerSecret = await RegisterTotpAsync(_api, factory, setup, attacker);
        var (victimBrowser, _, victimPage) = await PasswordAsync(factory, setup, setup.Username);
        var (browser, _, page) = await PasswordAsync(factory, setup, attacker);
        var apiChallenge = await _api.PasswordAuthAsync(setup.ClientId, attacker, AuthSetup.Password);

        using var foreignState = await browser.SubmitAsync(page, ("mfa", State(victimPage)), ("totpCode", Code(factory, attackerSecret)));
        using var apiSession = await browser.SubmitAsync(page,
            ("mfa", apiChallenge["Session"]!.GetValue<string>()), ("totpCode", Code(factory, attackerSecret)));
        using var victimDone = await victimBrowser.SubmitAsync(victimPage, ("totpCode", Code(factory, victimSecret)));

        Assert.False(SignedIn(foreignState));
        Assert.Equal(HttpStatusCode.BadRequest, foreignState.StatusCode);
        Assert.False(SignedIn(apiSession));
        Assert.Contains("Your session has expired.", await HtmlAsync(apiSession), StringComparison.Ordinal);
        Assert.True(SignedIn(victimDone));
    }

    [Fact]
    public async Task TotpPage_RecoveryCode_SignsInOnce()
    {
        var setup = await PoolAsync(_api, "OPTIONAL");
        await RegisterTotpAsync(_api, factory, setup, setup.Username);
        var recovery = await RecoveryCodeAsync(_api, factory, setup, setup.Username);

        var (browser, _, page) = await PasswordAsync(factory, setup, setup.Username);
        using var done = await browser.SubmitAsync(page, ("recoveryCode", recovery.ToUpperInvariant()));
        var (again, _, secondPage) = await PasswordAsync(factory, setup, setup.Username);
        using var reused = await again.SubmitAsync(secondPage, ("recoveryCode", recovery));

        Assert.Contains("name=\"recoveryCode\"", page, StringComparison.Ordinal);
        Assert.True(SignedIn(done));
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.False(SignedIn(reused));
    }

    [Fact]
    public async Task MfaPages_GarbageOrMismatchedState_ErrorPageNot500()
    {
        var setup = await PoolAsync(_api, "OPTIONAL");
        var secret = await RegisterTotpAsync(_api, factory, setup, setup.Username);
        var (browser, _, page) = await PasswordAsync(factory, setup, setup.Username);
        var setupForm = page.Replace("/mfa\"", "/mfa/setup\"", StringComparison.Ordinal);
        var selectForm = page.Replace("/mfa\"", "/mfa/select\"", StringComparison.Ordinal);

        using var garbage = await browser.SubmitAsync(page, ("mfa", "not-sealed%%"), ("totpCode", Code(factory, secret)));
        using var empty = await browser.SubmitAsync(page, ("mfa", ""), ("totpCode", "12"));
        using var asSetup = await browser.SubmitAsync(setupForm, ("totpCode", Code(factory, secret)));
        using var asSelect = await browser.SubmitAsync(selectForm, ("factor", "SOFTWARE_TOKEN_MFA"));
        using var done = await browser.SubmitAsync(page, ("totpCode", Code(factory, secret)));

        foreach (var refused in new[] { garbage, empty, asSetup, asSelect })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Your session has expired.", await HtmlAsync(refused), StringComparison.Ordinal);
        }

        Assert.True(SignedIn(done));
    }

    [Fact]
    public async Task OffPool_PasswordAloneSignsIn()
    {
        var setup = await OAuthSetup.CreateAsync(_api);

        var (_, password, _) = await PasswordAsync(factory, setup, setup.Username);

        Assert.True(SignedIn(password));
    }
}
