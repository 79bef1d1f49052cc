using System.Net;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Mfa;

/// <summary>SOFTWARE_TOKEN_MFA after a correct password: window, replay, malformed codes, sessions (rows 75-77).</summary>
public sealed class TotpSignInTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    [Fact]
    public async Task InitiateAuth_TotpUser_ChallengeThenTokens()
    {
        var (pool, clientId) = await _client.MfaPoolAsync("OPTIONAL");
        var secret = await _client.TotpUserAsync(factory, pool, clientId, "totp-ok");

        var challenge = await _client.PasswordAuthAsync(clientId, "totp-ok", AuthSetup.Password);
        var answer = await _client.RespondAsync(clientId, "SOFTWARE_TOKEN_MFA", challenge.Session(),
            MfaTestKit.TotpAnswer("totp-ok", MfaTestKit.Code(factory, secret)));

        Assert.Equal("SOFTWARE_TOKEN_MFA", challenge.Challenge());
        Assert.Null(challenge["AuthenticationResult"]);
        Assert.Equal("totp-ok", challenge.Parameter("USER_ID_FOR_SRP"));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.NotNull(answer.AccessToken());
    }

    [Fact]
    public async Task SrpSignIn_TotpUser_ChallengeAfterPasswordVerifier()
    {
        var (pool, clientId) = await _client.MfaPoolAsync("OPTIONAL");
        var secret = await _client.TotpUserAsync(factory, pool, clientId, "totp-srp");

        var challenge = await _client.SrpAuthAsync(factory, pool, clientId, "totp-srp", AuthSetup.Password);
        var answer = await _client.RespondAsync(clientId, "SOFTWARE_TOKEN_MFA", challenge.Session(),
            MfaTestKit.TotpAnswer("totp-srp", MfaTestKit.Code(factory, secret)));

        Assert.Equal("SOFTWARE_TOKEN_MFA", challenge.Challenge());
        Assert.NotNull(answer.AccessToken());
    }

    [Fact]
    public async Task AdminInitiateAuth_TotpUser_AdminRespondGivesTokens()
    {
        var (pool, clientId) = await _client.MfaPoolAsync("OPTIONAL");
        var secret = await _client.TotpUserAsync(factory, pool, clientId, "totp-admin");

        var challenge = await _client.CallAsync("AdminInitiateAuth", new
        {
            UserPoolId = pool,
            ClientId = clientId,
            AuthFlow = "ADMIN_USER_PASSWORD_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "totp-admin", ["PASSWORD"] = AuthSetup.Password },
        });
        var answer = await _client.CallAsync("AdminRespondToAuthChallenge", new
        {
            UserPoolId = pool,
            ClientId = clientId,
            ChallengeName = "SOFTWARE_TOKEN_MFA",
            Session = challenge.Session(),
            ChallengeResponses = MfaTestKit.TotpAnswer("totp-admin", MfaTestKit.Code(factory, secret)),
        });

        Assert.Equal("SOFTWARE_TOKEN_MFA", challenge.Challenge());
        Assert.NotNull(answer.AccessToken());
    }

    [Trait("SecurityRow", "76")]
    [Theory]
    [InlineData(-1, true)]
    [InlineData(1, true)]
    [InlineData(-2, false)]
    [InlineData(2, false)]
    public async Task RespondToAuthChallenge_CodeOfOtherStep_AcceptedWithinOneStep(int steps, bool accepted)
    {
        var (pool, clientId) = await _client.MfaPoolAsync("OPTIONAL");
        var username = "totp-window" + (steps + 5);
        var secret = await _client.TotpUserAsync(factory, pool, clientId, username);
        MfaTestKit.NextStep(factory);
        MfaTestKit.NextStep(factory);

        var challenge = await _client.PasswordAuthAsync(clientId, username, AuthSetup.Password);
        var answer = await _client.RespondAsync(clientId, "SOFTWARE_TOKEN_MFA", challenge.Session(),
            MfaTestKit.TotpAnswer(username, MfaTestKit.Code(factory, secret, steps)));

        if (accepted)
        {
            Assert.Equal(HttpStatusCode.OK, answer.Status);
        }
        else
        {
            Assert.Equal("CodeMismatchException", answer.ErrorType);
        }
    }

    [Trait("SecurityRow", "76")]
    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("١٢٣٤٥٦")]
    [InlineData(" 12345")]
    [InlineData("abcdef")]
    public async Task RespondToAuthChallenge_MalformedCode_CodeMismatch(string code)
    {
        var (pool, clientId) = await _client.MfaPoolAsync("OPTIONAL");
        await _client.TotpUserAsync(factory, pool, clientId, "totp-malformed");

        var challenge = await _client.PasswordAuthAsync(clientId, "totp-malformed", AuthSetup.Password);
        var answer = await _client.RespondAsync(clientId, "SOFTWARE_TOKEN_MFA", challenge.Session(),
            MfaTestKit.TotpAnswer("totp-malformed", code));

        Assert.Equal("CodeMismatchException", answer.ErrorType);
    }

    [Trait("SecurityRowPart", "75")]
    [Fact]
    public async Task RespondToAuthChallenge_SameCodeTwiceInSequence_SecondRefused()
    {
        var (pool, clientId) = await _client.MfaPoolAsync("OPTIONAL");
        var secret = await _client.TotpUserAsync(factory, pool, clientId, "totp-replay");
        var code = MfaTestKit.Code(factory, secret);

        var first = await _client.PasswordAuthAsync(clientId, "totp-replay", AuthSetup.Password);
        var firstAnswer = await _client.RespondAsync(clientId, "SOFTWARE_TOKEN_MFA", first.Session(),
            MfaTestKit.TotpAnswer("totp-replay", code));
        var second = await _client.PasswordAuthAsync(clientId, "totp-replay", AuthSetup.Password);
        var secondAnswer = await _client.RespondAsync(clientId, "SOFTWARE_TOKEN_MFA", second.Session(),
            MfaTestKit.TotpAnswer("totp-replay", code));
        var earlier = await _client.RespondAsync(clientId, "SOFTWARE_TOKEN_MFA", second.Session(),
            MfaTestKit.TotpAnswer("totp-replay", MfaTestKit.Code(factory, secret, -1)));

        Assert.Equal(HttpStatusCode.OK, firstAnswer.Status);
        Assert.Equal("CodeMismatchException", secondAnswer.ErrorType);
        Assert.Equal("CodeMismatchException", earlier.ErrorType);
    }

    [Trait("SecurityRowPart", "75")]
    [Fact]
    public async Task RespondToAuthChallenge_SameCodeInTwoParallelSessions_ExactlyOneSuccess()
    {
        var (pool, clientId) = await _client.MfaPoolAsync("OPTIONAL");
        var secret = await _client.TotpUserAsync(factory, pool, clientId, "totp-race");
        var code = MfaTestKit.Code(factory, secret);
        var sessions = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            sessions.Add((await _client.PasswordAuthAsync(clientId, "totp-race", AuthSetup.Password)).Session());
        }

        var answers = await Task.WhenAll(sessions.Select(s =>
            _client.RespondAsync(clientId, "SOFTWARE_TOKEN_MFA", s, MfaTestKit.TotpAnswer("totp-race", code))));

        Assert.Equal(1, answers.Count(a => a.Status == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK),
            a => Assert.Equal("CodeMismatchException", a.ErrorType));
    }

    [Trait("SecurityRowPart", "73")]
    [Fact]
    public async Task RespondToAuthChallenge_SessionReusedAfterSuccess_NotAuthorized()
    {
        var (pool, clientId) = await _client.MfaPoolAsync("OPTIONAL");
        var secret = await _client.TotpUserAsync(factory, pool, clientId, "totp-reuse");
        var challenge = await _client.PasswordAuthAsync(clientId, "totp-reuse", AuthSetup.Password);

        var first = await _client.RespondAsync(clientId, "SOFTWARE_TOKEN_MFA", challenge.Session(),
            MfaTestKit.TotpAnswer("totp-reuse", MfaTestKit.Code(factory, secret)));
        MfaTestKit.NextStep(factory);
        var again = await _client.RespondAsync(clientId, "SOFTWARE_TOKEN_MFA", challenge.Session(),
            MfaTestKit.TotpAnswer("totp-reuse", MfaTestKit.Code(factory, secret)));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("NotAuthorizedException", again.ErrorType);
    }

    [Trait("SecurityRowPart", "77")]
    [Fact]
    public async Task RespondToAuthChallenge_AnotherUsersSession_NotAuthorized()
    {
        var (pool, clientId) = await _client.MfaPoolAsync("OPTIONAL");
        var secretA = await _client.TotpUserAsync(factory, pool, clientId, "totp-a");
        await _client.TotpUserAsync(factory, pool, clientId, "totp-b");
        var sessionOfB = (await _client.PasswordAuthAsync(clientId, "totp-b", AuthSetup.Password)).Session();

        var answer = await _client.RespondAsync(clientId, "SOFTWARE_TOKEN_MFA", sessionOfB,
            MfaTestKit.TotpAnswer("totp-a", MfaTestKit.Code(factory, secretA)));

        Assert.Equal("NotAuthorizedException", answer.ErrorType);
        Assert.Equal("Invalid session for the user.", answer.Message);
    }

    [Trait("SecurityRowPart", "73")]
    [Trait("SecurityRowPart", "77")]
    [Fact]
    public async Task RespondToAuthChallenge_WrongChallengeName_NotAuthorized()
    {
        var (pool, clientId) = await _client.MfaPoolAsync("OPTIONAL", sms: true);
        var secret = await _client.TotpUserAsync(factory, pool, clientId, "totp-name");
        var challenge = await _client.PasswordAuthAsync(clientId, "totp-name", AuthSetup.Password);

        var asSms = await _client.RespondAsync(clientId, "SMS_MFA", challenge.Session(),
            new() { ["USERNAME"] = "totp-name", ["SMS_MFA_CODE"] = MfaTestKit.Code(factory, secret) });
        var asNewPassword = await _client.RespondAsync(clientId, "NEW_PASSWORD_REQUIRED", challenge.Session(),
            new() { ["USERNAME"] = "totp-name", ["NEW_PASSWORD"] = "Another0ne!x" });

        Assert.Equal("NotAuthorizedException", asSms.ErrorType);
        Assert.Equal("NotAuthorizedException", asNewPassword.ErrorType);
    }

    [Fact]
    public async Task RespondToAuthChallenge_SessionExpired_OneSecondBeforeWorksAtExpiryRefused()
    {
        var (pool, clientId) = await _client.MfaPoolAsync("OPTIONAL");
        var secret = await _client.TotpUserAsync(factory, pool, clientId, "totp-expiry");
        var early = await _client.PasswordAuthAsync(clientId, "totp-expiry", AuthSetup.Password);
        factory.Clock.Advance(TimeSpan.FromMinutes(3) - TimeSpan.FromSeconds(1));
        var late = await _client.PasswordAuthAsync(clientId, "totp-expiry", AuthSetup.Password);

        var beforeExpiry = await _client.RespondAsync(clientId, "SOFTWARE_TOKEN_MFA", early.Session(),
            MfaTestKit.TotpAnswer("totp-expiry", MfaTestKit.Code(factory, secret)));
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        MfaTestKit.NextStep(factory);
        var atExpiry = await _client.RespondAsync(clientId, "SOFTWARE_TOKEN_MFA", early.Session(),
            MfaTestKit.TotpAnswer("totp-expiry", MfaTestKit.Code(factory, secret)));
        var stillValid = await _client.RespondAsync(clientId, "SOFTWARE_TOKEN_MFA", late.Session(),
            MfaTestKit.TotpAnswer("totp-expiry", MfaTestKit.Code(factory, secret)));

        Assert.Equal(HttpStatusCode.OK, beforeExpiry.Status);
        Assert.Equal("Invalid session for the user, session is expired.", atExpiry.Message);
        Assert.Equal(HttpStatusCode.OK, stillValid.Status);
    }

    [Trait("SecurityRowPart", "5")]
    [Fact]
    public async Task RespondToAuthChallenge_FiveWrongCodes_LockedAndSessionUsedUp()
    {
        var (pool, clientId) = await _client.MfaPoolAsync("OPTIONAL");
        var secret = await _client.TotpUserAsync(factory, pool, clientId, "totp-lock");
        var challenge = await _client.PasswordAuthAsync(clientId, "totp-lock", AuthSetup.Password);
        var wrong = MfaTestKit.Code(factory, secret, 5);

        for (var i = 0; i < 5; i++)
        {
            var failed = await _client.RespondAsync(clientId, "SOFTWARE_TOKEN_MFA", challenge.Session(),
                MfaTestKit.TotpAnswer("totp-lock", wrong));
            Assert.Equal("CodeMismatchException", failed.ErrorType);
        }

        var locked = await _client.RespondAsync(clientId, "SOFTWARE_TOKEN_MFA", challenge.Session(),
            MfaTestKit.TotpAnswer("totp-lock", MfaTestKit.Code(factory, secret)));
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var afterLock = await _client.RespondAsync(clientId, "SOFTWARE_TOKEN_MFA", challenge.Session(),
            MfaTestKit.TotpAnswer("totp-lock", MfaTestKit.Code(factory, secret)));

        Assert.Equal("NotAuthorizedException", locked.ErrorType);
        Assert.Equal("NotAuthorizedException", afterLock.ErrorType);
        Assert.Equal("Invalid session for the user.", afterLock.Message);
    }

    [Fact]
    public async Task RespondToAuthChallenge_MissingCode_InvalidParameter()
    {
        var (pool, clientId) = await _client.MfaPoolAsync("OPTIONAL");
        await _client.TotpUserAsync(factory, pool, clientId, "totp-missing");
        var challenge = await _client.PasswordAuthAsync(clientId, "totp-missing", AuthSetup.Password);

        var answer = await _client.RespondAsync(clientId, "SOFTWARE_TOKEN_MFA", challenge.Session(),
            new() { ["USERNAME"] = "totp-missing" });

        Assert.Equal("InvalidParameterException", answer.ErrorType);
        Assert.Equal("Missing required parameter SOFTWARE_TOKEN_MFA_CODE", answer.Message);
    }
}
