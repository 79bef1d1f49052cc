using System.Net;
using Gatehouse.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.ApiTests.Mfa;

/// <summary>MFA_SETUP, SELECT_MFA_TYPE, SMS_MFA and EMAIL_OTP, which factor a sign-in asks for, recovery codes.</summary>
public sealed class MfaChallengeTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    [Fact]
    public async Task InitiateAuth_PoolOff_TokensWithoutChallenge()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync();
        await _client.CreateUserAsync(pool, "off-user");

        var response = await _client.PasswordAuthAsync(clientId, "off-user", AuthSetup.Password);

        Assert.Null(response.Challenge());
        Assert.NotNull(response.AccessToken());
    }

    [Fact]
    public async Task MfaSetup_PoolOnUserWithoutFactor_AssociateVerifyRespondGivesTokens()
    {
        var (pool, clientId) = await _client.MfaPoolAsync("ON");
        await _client.CreateUserAsync(pool, "setup-user");

        var start = await _client.PasswordAuthAsync(clientId, "setup-user", AuthSetup.Password);
        var early = await _client.RespondAsync(clientId, "MFA_SETUP", start.Session(), new() { ["USERNAME"] = "setup-user" });
        var associated = await _client.CallAsync("AssociateSoftwareToken", new { Session = start.Session() }, sign: false);
        var secret = Gatehouse.Server.Mfa.TotpCodes.FromBase32(associated["SecretCode"]!.GetValue<string>());
        var oldSessionAgain = await _client.CallAsync("AssociateSoftwareToken", new { Session = start.Session() }, sign: false);
        var wrong = await _client.CallAsync("VerifySoftwareToken",
            new { Session = associated.Session(), UserCode = MfaTestKit.Code(factory, secret, 4) }, sign: false);
        var verified = await _client.CallAsync("VerifySoftwareToken",
            new { Session = associated.Session(), UserCode = MfaTestKit.Code(factory, secret) }, sign: false);
        var done = await _client.RespondAsync(clientId, "MFA_SETUP", verified.Session(), new() { ["USERNAME"] = "setup-user" });
        MfaTestKit.NextStep(factory);
        var next = await _client.PasswordAuthAsync(clientId, "setup-user", AuthSetup.Password);
        var user = await _client.CallAsync("AdminGetUser", new { UserPoolId = pool, Username = "setup-user" });

        Assert.Equal("MFA_SETUP", start.Challenge());
        Assert.Equal("[\"SOFTWARE_TOKEN_MFA\"]", start.Parameter("MFAS_CAN_SETUP"));
        Assert.Equal("InvalidParameterException", early.ErrorType);
        Assert.Equal(32, associated["SecretCode"]!.GetValue<string>().Length);
        Assert.Equal("NotAuthorizedException", oldSessionAgain.ErrorType);
        Assert.Equal("EnableSoftwareTokenMFAException", wrong.ErrorType);
        Assert.Equal("SUCCESS", verified["Status"]?.GetValue<string>());
        Assert.NotNull(done.AccessToken());
        Assert.Equal("SOFTWARE_TOKEN_MFA", next.Challenge());
        Assert.Equal("SOFTWARE_TOKEN_MFA", user["PreferredMfaSetting"]?.GetValue<string>());
        Assert.Equal("SOFTWARE_TOKEN_MFA", user["UserMFASettingList"]?[0]?.GetValue<string>());
    }

    [Trait("SecurityRowPart", "78")]
    [Fact]
    public async Task SmsMfa_CodeFromOutbox_Tokens_WrongAndOlderCodesRefused()
    {
        var (pool, clientId) = await _client.MfaPoolAsync("OPTIONAL", sms: true, totp: false);
        await _client.CreateUserAsync(pool, "sms-user", AuthSetup.Password, ("phone_number", "+15555550123"));
        AuthSetup.Ok(await _client.CallAsync("AdminSetUserMFAPreference", new
        {
            UserPoolId = pool,
            Username = "sms-user",
            SMSMfaSettings = new { Enabled = true },
        }));

        var first = await _client.PasswordAuthAsync(clientId, "sms-user", AuthSetup.Password);
        var firstCode = await MfaTestKit.OutboxCodeAsync(factory, "+15555550123");
        var second = await _client.PasswordAuthAsync(clientId, "sms-user", AuthSetup.Password);
        var secondCode = await MfaTestKit.OutboxCodeAsync(factory, "+15555550123");
        var olderCode = await _client.RespondAsync(clientId, "SMS_MFA", first.Session(),
            new() { ["USERNAME"] = "sms-user", ["SMS_MFA_CODE"] = firstCode });
        var crossSession = await _client.RespondAsync(clientId, "SMS_MFA", first.Session(),
            new() { ["USERNAME"] = "sms-user", ["SMS_MFA_CODE"] = secondCode });
        var wrong = await _client.RespondAsync(clientId, "SMS_MFA", second.Session(),
            new() { ["USERNAME"] = "sms-user", ["SMS_MFA_CODE"] = secondCode == "000000" ? "111111" : "000000" });
        var ok = await _client.RespondAsync(clientId, "SMS_MFA", second.Session(),
            new() { ["USERNAME"] = "sms-user", ["SMS_MFA_CODE"] = secondCode });
        var outbox = await TestStore.OutboxAsync(factory, "+15555550123");

        Assert.Equal("SMS_MFA", first.Challenge());
        Assert.Equal("SMS", first.Parameter("CODE_DELIVERY_DELIVERY_MEDIUM"));
        Assert.Equal("+*******0123", first.Parameter("CODE_DELIVERY_DESTINATION"));
        Assert.Equal("Sign-in code " + secondCode, outbox[^1].Body);
        Assert.Equal("CodeMismatchException", olderCode.ErrorType);
        Assert.Equal("CodeMismatchException", crossSession.ErrorType);
        Assert.Equal("CodeMismatchException", wrong.ErrorType);
        Assert.NotNull(ok.AccessToken());
    }

    [Fact]
    public async Task EmailOtp_PoolOnUserWithEmail_CodeByEmail()
    {
        var (pool, clientId) = await _client.MfaPoolAsync("ON", totp: false, email: true);
        await _client.CreateUserAsync(pool, "email-user", AuthSetup.Password,
            ("email", "email-user@example.com"), ("email_verified", "true"));

        var challenge = await _client.PasswordAuthAsync(clientId, "email-user", AuthSetup.Password);
        var code = await MfaTestKit.OutboxCodeAsync(factory, "email-user@example.com");
        var answer = await _client.RespondAsync(clientId, "EMAIL_OTP", challenge.Session(),
            new() { ["USERNAME"] = "email-user", ["EMAIL_OTP_CODE"] = code });
        var reused = await _client.RespondAsync(clientId, "EMAIL_OTP", challenge.Session(),
            new() { ["USERNAME"] = "email-user", ["EMAIL_OTP_CODE"] = code });

        Assert.Equal("EMAIL_OTP", challenge.Challenge());
        Assert.Equal("EMAIL", challenge.Parameter("CODE_DELIVERY_DELIVERY_MEDIUM"));
        Assert.Equal("e***@e***", challenge.Parameter("CODE_DELIVERY_DESTINATION"));
        Assert.NotNull(answer.AccessToken());
        Assert.Equal("NotAuthorizedException", reused.ErrorType);
    }

    [Fact]
    public async Task SelectMfaType_TwoFactorsNonePreferred_ChooseTotp()
    {
        var (pool, clientId) = await _client.MfaPoolAsync("OPTIONAL", sms: true);
        var secret = await _client.TotpUserAsync(factory, pool, clientId, "select-user", ("phone_number", "+15555550188"));
        AuthSetup.Ok(await _client.CallAsync("AdminSetUserMFAPreference", new
        {
            UserPoolId = pool,
            Username = "select-user",
            SMSMfaSettings = new { Enabled = true },
            SoftwareTokenMfaSettings = new { Enabled = true, PreferredMfa = false },
        }));

        var select = await _client.PasswordAuthAsync(clientId, "select-user", AuthSetup.Password);
        var notOffered = await _client.RespondAsync(clientId, "SELECT_MFA_TYPE", select.Session(),
            new() { ["USERNAME"] = "select-user", ["ANSWER"] = "EMAIL_OTP" });
        var chosen = await _client.RespondAsync(clientId, "SELECT_MFA_TYPE", select.Session(),
            new() { ["USERNAME"] = "select-user", ["ANSWER"] = "SOFTWARE_TOKEN_MFA" });
        var answer = await _client.RespondAsync(clientId, "SOFTWARE_TOKEN_MFA", chosen.Session(),
            MfaTestKit.TotpAnswer("select-user", MfaTestKit.Code(factory, secret)));

        Assert.Equal("SELECT_MFA_TYPE", select.Challenge());
        Assert.Equal("[\"SMS_MFA\",\"SOFTWARE_TOKEN_MFA\"]", select.Parameter("MFAS_CAN_CHOOSE"));
        Assert.Equal("InvalidParameterException", notOffered.ErrorType);
        Assert.Equal("SOFTWARE_TOKEN_MFA", chosen.Challenge());
        Assert.NotNull(answer.AccessToken());
    }

    [Fact]
    public async Task RecoveryCode_AnswersTotpChallengeOnce()
    {
        var (pool, clientId) = await _client.MfaPoolAsync("OPTIONAL");
        await _client.TotpUserAsync(factory, pool, clientId, "recovery-user");
        var token = (await _client.RespondAsync(clientId, "SOFTWARE_TOKEN_MFA",
            (await _client.PasswordAuthAsync(clientId, "recovery-user", AuthSetup.Password)).Session(),
            MfaTestKit.TotpAnswer("recovery-user", MfaTestKit.Code(factory, await SecretAsync(pool, "recovery-user"))))).AccessToken();
        var unauthorized = await _client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/gatehouse/mfa/recovery-codes"),
            TestContext.Current.CancellationToken);
        var request = new HttpRequestMessage(HttpMethod.Post, "/gatehouse/mfa/recovery-codes");
        request.Headers.Authorization = new("Bearer", token);
        var generated = await _client.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = System.Text.Json.Nodes.JsonNode.Parse(
            await generated.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var code = body["RecoveryCodes"]![3]!.GetValue<string>();

        var first = await _client.RespondAsync(clientId, "SOFTWARE_TOKEN_MFA",
            (await _client.PasswordAuthAsync(clientId, "recovery-user", AuthSetup.Password)).Session(),
            new() { ["USERNAME"] = "recovery-user", ["RECOVERY_CODE"] = code.ToUpperInvariant() });
        var again = await _client.RespondAsync(clientId, "SOFTWARE_TOKEN_MFA",
            (await _client.PasswordAuthAsync(clientId, "recovery-user", AuthSetup.Password)).Session(),
            new() { ["USERNAME"] = "recovery-user", ["RECOVERY_CODE"] = code });

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        Assert.Equal(10, body["RecoveryCodes"]!.AsArray().Count);
        Assert.NotNull(first.AccessToken());
        Assert.Equal("CodeMismatchException", again.ErrorType);
    }

    /// <summary>The user's TOTP secret, read back from the store (the test acts as the authenticator app).</summary>
    private async Task<byte[]> SecretAsync(string poolId, string username)
    {
        var user = await TestStore.UserAsync(factory, poolId, username);
        await using var scope = factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<Gatehouse.Server.Mfa.UserMfaStore>();
        var row = await store.FindAsync(user.Id, TestContext.Current.CancellationToken);
        return store.Unprotect(row!.TotpSecretProtected!);
    }
}
