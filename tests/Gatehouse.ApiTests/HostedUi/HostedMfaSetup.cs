using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gatehouse.Server.Mfa;
using Gatehouse.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.ApiTests.HostedUi;

/// <summary>Hosted-UI pools with MFA, users with an authenticator or SMS, and what the MFA pages show.</summary>
internal static partial class HostedMfaSetup
{
    public const string Phone = "+15555550123";

    /// <summary>An OAuth pool (<see cref="OAuthSetup"/>) whose MfaConfiguration is <paramref name="mfa"/>.</summary>
    public static async Task<OAuthSetup.Setup> PoolAsync(AwsApiClient api, string mfa, bool sms = false, bool totp = true)
    {
        var setup = await OAuthSetup.CreateAsync(api);
        var config = new JsonObject { ["UserPoolId"] = setup.PoolId, ["MfaConfiguration"] = mfa };
        if (sms)
        {
            config["SmsMfaConfiguration"] = new JsonObject
            {
                ["SmsAuthenticationMessage"] = "Sign-in code {####}",
                ["SmsConfiguration"] = new JsonObject { ["SnsCallerArn"] = "arn:aws:iam::123456789012:role/sns" },
            };
        }

        if (totp)
        {
            config["SoftwareTokenMfaConfiguration"] = new JsonObject { ["Enabled"] = true };
        }

        AuthSetup.Ok(await api.SendAsync("SetUserPoolMfaConfig", config.ToJsonString()));
        return setup;
    }

    /// <summary>Registers an authenticator for <paramref name="username"/> (signed in by password) and returns its secret.</summary>
    public static async Task<byte[]> RegisterTotpAsync(
        AwsApiClient api, GatehouseFactory factory, OAuthSetup.Setup setup, string username, bool preferred = true)
    {
        var signIn = await api.PasswordAuthAsync(setup.ClientId, username, AuthSetup.Password);
        var token = signIn["AuthenticationResult"]?["AccessToken"]?.GetValue<string>()
            ?? throw new InvalidOperationException(signIn.Text);
        var associated = await api.CallAsync("AssociateSoftwareToken", new { AccessToken = token }, sign: false);
        var secret = TotpCodes.FromBase32(associated["SecretCode"]!.GetValue<string>());
        AuthSetup.Ok(await api.CallAsync("VerifySoftwareToken",
            new { AccessToken = token, UserCode = TotpCodes.Compute(secret, factory.Clock.GetUtcNow()) }, sign: false));
        NextStep(factory);
        AuthSetup.Ok(await api.CallAsync("AdminSetUserMFAPreference", new
        {
            UserPoolId = setup.PoolId,
            Username = username,
            SoftwareTokenMfaSettings = new { Enabled = true, PreferredMfa = preferred },
        }));
        return secret;
    }

    /// <summary>A new set of recovery codes for <paramref name="username"/> (POST /gatehouse/mfa/recovery-codes); the first one.</summary>
    public static async Task<string> RecoveryCodeAsync(
        AwsApiClient api, GatehouseFactory factory, OAuthSetup.Setup setup, string username)
    {
        // The user has TOTP on, so the API sign-in asks for it; answer it to get an access token.
        var challenge = await api.PasswordAuthAsync(setup.ClientId, username, AuthSetup.Password);
        var user = await TestStore.UserAsync(factory, setup.PoolId, username);
        await using var scope = factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<UserMfaStore>();
        var row = await store.FindAsync(user.Id, TestContext.Current.CancellationToken);
        var answer = await api.CallAsync("RespondToAuthChallenge", new
        {
            ChallengeName = "SOFTWARE_TOKEN_MFA",
            ClientId = setup.ClientId,
            Session = challenge["Session"]!.GetValue<string>(),
            ChallengeResponses = new Dictionary<string, string>
            {
                ["USERNAME"] = username,
                ["SOFTWARE_TOKEN_MFA_CODE"] = Code(factory, store.Unprotect(row!.TotpSecretProtected!)),
            },
        }, sign: false);
        NextStep(factory);
        var token = answer["AuthenticationResult"]?["AccessToken"]?.GetValue<string>()
            ?? throw new InvalidOperationException(answer.Text);
        using var http = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/gatehouse/mfa/recovery-codes");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        return body["RecoveryCodes"]![0]!.GetValue<string>();
    }

    public static string Code(GatehouseFactory factory, byte[] secret) => TotpCodes.Compute(secret, factory.Clock.GetUtcNow());

    /// <summary>Moves the clock to the next 30-second step, so a new code is due.</summary>
    public static void NextStep(GatehouseFactory factory) => factory.Clock.Advance(TimeSpan.FromSeconds(30));

    /// <summary>The login page, then the password posted: the first MFA page.</summary>
    public static async Task<(FormBrowser Browser, HttpResponseMessage Response, string Html)> PasswordAsync(
        GatehouseFactory factory, OAuthSetup.Setup setup, string username)
    {
        var browser = new FormBrowser(factory);
        var login = await browser.GetPageAsync(setup.LoginUrl());
        var response = await browser.SubmitAsync(login, ("username", username), ("password", AuthSetup.Password));
        return (browser, response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public static async Task<string> HtmlAsync(HttpResponseMessage response) =>
        await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

    public static bool SignedIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location!.ToString().StartsWith(OAuthSetup.Callback + "?code=", StringComparison.Ordinal);

    public static bool SetsSessionCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith("gatehouse-session=", StringComparison.Ordinal));

    public static string State(string html) => FormBrowser.HiddenFields(html).First(f => f.Name == "mfa").Value;

    /// <summary>The secret shown in text on the setup page, without the grouping spaces.</summary>
    public static string ShownSecret(string html) => SecretText().Match(html).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);

    public static async Task<string> OutboxCodeAsync(GatehouseFactory factory, string destination)
    {
        var messages = await TestStore.OutboxAsync(factory, destination);
        return SixDigits().Match(messages[^1].Body).Value;
    }

    [GeneratedRegex("<code id=\"secret\">([A-Z2-7 ]+)</code>")]
    private static partial Regex SecretText();

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();
}
