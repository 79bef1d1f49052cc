using System.Net;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.CustomAuth;

/// <summary>
/// CUSTOM_AUTH's loop through Define, Create and Verify (stand-in functions, one-time code per round, three rounds):
/// the right answer, wrong then right, three wrong, an unknown user behind PreventUserExistenceErrors, a function
/// error from each trigger, Session replay and expiry, CUSTOM_WITH_SRP, and the admin operations.
/// </summary>
public sealed class CustomAuthLoopTests(CustomAuthFixture fixture) : IClassFixture<CustomAuthFixture>
{
    private AwsApiClient Api => fixture.Api;

    private CustomAuthFunctions Functions => fixture.Functions;

    private Task<AwsResponse> StartAsync(string clientId, string username, Dictionary<string, string>? extra = null)
    {
        var parameters = new Dictionary<string, string>(extra ?? []) { ["USERNAME"] = username };
        return Api.CallAsync("InitiateAuth",
            new { AuthFlow = "CUSTOM_AUTH", ClientId = clientId, AuthParameters = parameters }, sign: false);
    }

    private Task<AwsResponse> AnswerAsync(string clientId, string username, string session, string answer) =>
        Api.CallAsync("RespondToAuthChallenge", new
        {
            ChallengeName = "CUSTOM_CHALLENGE",
            ClientId = clientId,
            Session = session,
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = username, ["ANSWER"] = answer },
        }, sign: false);

    private static string Session(AwsResponse response) => response["Session"]!.GetValue<string>();

    private static void AssertChallenge(AwsResponse response, string username, int round)
    {
        Assert.True(response.Status == HttpStatusCode.OK, response.Text);
        Assert.Equal("CUSTOM_CHALLENGE", response["ChallengeName"]!.GetValue<string>());
        var parameters = response["ChallengeParameters"]!.AsObject();
        Assert.Equal(username, parameters["USERNAME"]!.GetValue<string>());
        Assert.Equal(round.ToString(System.Globalization.CultureInfo.InvariantCulture), parameters["round"]!.GetValue<string>());
        // The private parameters (the code) never reach the client.
        Assert.DoesNotContain("code-", response.Text, StringComparison.Ordinal);
    }

    private static void AssertTokens(AwsResponse response)
    {
        Assert.True(response.Status == HttpStatusCode.OK, response.Text);
        var result = response["AuthenticationResult"]!;
        Assert.False(string.IsNullOrEmpty(result["IdToken"]?.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(result["AccessToken"]?.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(result["RefreshToken"]?.GetValue<string>()));
    }

    private async Task<(string PoolId, string ClientId, string Username)> UserAsync(string name, bool hide = false)
    {
        var (poolId, clientId) = await fixture.PoolAsync(hide);
        await Api.CreateUserAsync(poolId, name, AuthSetup.Password, ("email", $"{name}@example.com"));
        return (poolId, clientId, name);
    }

    [Fact]
    public async Task CustomAuth_RightAnswerFirstTry_IssuesTokens()
    {
        var (_, clientId, user) = await UserAsync("first-try");

        var challenge = await StartAsync(clientId, user);
        AssertChallenge(challenge, user, 1);
        var done = await AnswerAsync(clientId, user, Session(challenge), "code-1");

        AssertTokens(done);
        var define = Functions.EventsOf("define-auth").Where(e => e["userName"]!.GetValue<string>() == user).ToList();
        Assert.Equal(2, define.Count);
        Assert.Equal("DefineAuthChallenge_Authentication", define[0]["triggerSource"]!.GetValue<string>());
        Assert.Empty(define[0]["request"]!["session"]!.AsArray());
        var entry = Assert.Single(define[1]["request"]!["session"]!.AsArray())!;
        Assert.Equal("CUSTOM_CHALLENGE", entry["challengeName"]!.GetValue<string>());
        Assert.True(entry["challengeResult"]!.GetValue<bool>());
        Assert.Equal("ROUND-1", entry["challengeMetadata"]!.GetValue<string>());
        Assert.Equal($"{user}@example.com", define[0]["request"]!["userAttributes"]!["email"]!.GetValue<string>());
        var verify = Functions.EventsOf("verify-auth").Single(e => e["userName"]!.GetValue<string>() == user);
        Assert.Equal("code-1", verify["request"]!["privateChallengeParameters"]!["answer"]!.GetValue<string>());
        Assert.Equal("code-1", verify["request"]!["challengeAnswer"]!.GetValue<string>());
        Assert.Null(verify["request"]!["userNotFound"]);
    }

    [Fact]
    public async Task CustomAuth_WrongThenRight_NewCodeEachRoundThenTokens()
    {
        var (_, clientId, user) = await UserAsync("wrong-then-right");

        var first = await StartAsync(clientId, user);
        var second = await AnswerAsync(clientId, user, Session(first), "code-1-wrong");
        AssertChallenge(second, user, 2);
        Assert.NotEqual(Session(first), Session(second));
        var done = await AnswerAsync(clientId, user, Session(second), "code-2");

        AssertTokens(done);
        var last = Functions.EventsOf("define-auth").Last(e => e["userName"]!.GetValue<string>() == user);
        var results = last["request"]!["session"]!.AsArray().Select(s => s!["challengeResult"]!.GetValue<bool>());
        Assert.Equal([false, true], results);
    }

    [Fact]
    public async Task CustomAuth_ThreeWrongAnswers_FailAuthentication()
    {
        var (_, clientId, user) = await UserAsync("three-wrong");

        var response = await StartAsync(clientId, user);
        for (var round = 1; round < CustomAuthFunctions.MaxRounds; round++)
        {
            response = await AnswerAsync(clientId, user, Session(response), "wrong");
            AssertChallenge(response, user, round + 1);
        }

        var failed = await AnswerAsync(clientId, user, Session(response), "wrong");

        Assert.Equal(HttpStatusCode.BadRequest, failed.Status);
        Assert.Equal("NotAuthorizedException", failed.ErrorType);
        Assert.Equal("Incorrect username or password.", failed.Message);
    }

    [Fact]
    public async Task CustomAuth_ClientMetadata_OnlyFromTheRespondOperations()
    {
        var (_, clientId, user) = await UserAsync("metadata");

        var challenge = await Api.CallAsync("InitiateAuth", new
        {
            AuthFlow = "CUSTOM_AUTH",
            ClientId = clientId,
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = user },
            ClientMetadata = new Dictionary<string, string> { ["from"] = "initiate" },
        }, sign: false);
        var wrong = await Api.CallAsync("RespondToAuthChallenge", new
        {
            ChallengeName = "CUSTOM_CHALLENGE",
            ClientId = clientId,
            Session = Session(challenge),
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = user, ["ANSWER"] = "no" },
            ClientMetadata = new Dictionary<string, string> { ["from"] = "respond" },
        }, sign: false);
        AssertChallenge(wrong, user, 2);

        // InitiateAuth's ClientMetadata reaches only pre sign-up, pre authentication and user migration (the model).
        var events = Functions.Events.Where(e => e.Event["userName"]!.GetValue<string>() == user).ToList();
        Assert.Equal(["define-auth", "create-auth", "verify-auth", "define-auth", "create-auth"], events.Select(e => e.Function));
        Assert.All(events.Take(2), e => Assert.Null(e.Event["request"]!["clientMetadata"]));
        Assert.All(events.Skip(2), e => Assert.Equal("respond", e.Event["request"]!["clientMetadata"]!["from"]!.GetValue<string>()));
    }

    [Fact]
    public async Task CustomAuth_UnknownUserHidden_ChallengedWithUserNotFoundAndNeverTokens()
    {
        var (_, clientId) = await fixture.PoolAsync(hideUserExistence: true);

        var challenge = await StartAsync(clientId, "ghost-user");
        AssertChallenge(challenge, "ghost-user", 1);
        var answered = await AnswerAsync(clientId, "ghost-user", Session(challenge), "code-1");

        Assert.Equal("NotAuthorizedException", answered.ErrorType);
        Assert.Equal("Incorrect username or password.", answered.Message);
        var define = Functions.EventsOf("define-auth").Where(e => e["userName"]!.GetValue<string>() == "ghost-user").ToList();
        Assert.NotEmpty(define);
        Assert.All(define, e => Assert.True(e["request"]!["userNotFound"]!.GetValue<bool>()));
        Assert.All(define, e => Assert.Empty(e["request"]!["userAttributes"]!.AsObject()));
        var create = Functions.EventsOf("create-auth").First(e => e["userName"]!.GetValue<string>() == "ghost-user");
        Assert.True(create["request"]!["userNotFound"]!.GetValue<bool>());
    }

    [Fact]
    public async Task CustomAuth_KnownUserHidden_UserNotFoundFalse()
    {
        var (_, clientId, user) = await UserAsync("known-hidden", hide: true);

        var challenge = await StartAsync(clientId, user);
        AssertTokens(await AnswerAsync(clientId, user, Session(challenge), "code-1"));

        var define = Functions.EventsOf("define-auth").First(e => e["userName"]!.GetValue<string>() == user);
        Assert.False(define["request"]!["userNotFound"]!.GetValue<bool>());
    }

    [Fact]
    public async Task CustomAuth_UnknownUserNotHidden_UserNotFound()
    {
        var (_, clientId) = await fixture.PoolAsync();

        var response = await StartAsync(clientId, "nobody-here");

        Assert.Equal("UserNotFoundException", response.ErrorType);
        Assert.Equal("User does not exist.", response.Message);
    }

    [Theory]
    [InlineData("define-auth", "DefineAuthChallenge", false)]
    [InlineData("create-auth", "CreateAuthChallenge", false)]
    [InlineData("verify-auth", "VerifyAuthChallengeResponse", true)]
    public async Task CustomAuth_FunctionError_UserLambdaValidation(string function, string trigger, bool onAnswer)
    {
        var (_, clientId, user) = await UserAsync($"fails-{function}");
        try
        {
            var challenge = onAnswer ? await StartAsync(clientId, user) : null;
            Functions.FailingTrigger = function;

            var response = challenge is null
                ? await StartAsync(clientId, user)
                : await AnswerAsync(clientId, user, Session(challenge), "code-1");

            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal("UserLambdaValidationException", response.ErrorType);
            Assert.Equal($"{trigger} failed with error Boom from {function}.", response.Message);
        }
        finally
        {
            Functions.FailingTrigger = null;
        }
    }

    [Fact]
    public async Task CustomAuth_SessionReplayed_InvalidSession()
    {
        var (_, clientId, user) = await UserAsync("replay");
        var challenge = await StartAsync(clientId, user);
        AssertTokens(await AnswerAsync(clientId, user, Session(challenge), "code-1"));

        var replayed = await AnswerAsync(clientId, user, Session(challenge), "code-1");

        Assert.Equal("NotAuthorizedException", replayed.ErrorType);
        Assert.Equal("Invalid session for the user.", replayed.Message);
    }

    [Fact]
    public async Task CustomAuth_SessionOfAnotherUser_InvalidSession()
    {
        var (poolId, clientId, user) = await UserAsync("owner");
        await Api.CreateUserAsync(poolId, "intruder");
        var challenge = await StartAsync(clientId, user);

        var response = await AnswerAsync(clientId, "intruder", Session(challenge), "code-1");

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal("Invalid session for the user.", response.Message);
    }

    [Fact]
    public async Task CustomAuth_SessionExpired_SessionExpired()
    {
        var (_, clientId, user) = await UserAsync("expired");
        var challenge = await StartAsync(clientId, user);

        // AuthSessionValidity defaults to 3 minutes.
        fixture.Factory.Clock.Advance(TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(1));
        var response = await AnswerAsync(clientId, user, Session(challenge), "code-1");

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal("Invalid session for the user, session is expired.", response.Message);
    }

    [Fact]
    public async Task CustomWithSrp_PasswordVerifierThenCustomChallenge_IssuesTokens()
    {
        var (poolId, clientId, user) = await UserAsync("with-srp");
        var srp = new SrpTestClient(poolId);

        var start = await StartAsync(clientId, user, new() { ["CHALLENGE_NAME"] = "SRP_A", ["SRP_A"] = srp.SrpA });
        Assert.True(start.Status == HttpStatusCode.OK, start.Text);
        Assert.Equal("PASSWORD_VERIFIER", start["ChallengeName"]!.GetValue<string>());
        var verifier = await PasswordVerifierAsync(srp, clientId, start, AuthSetup.Password);
        AssertChallenge(verifier, user, 1);
        var done = await AnswerAsync(clientId, user, Session(verifier), "code-1");

        AssertTokens(done);
        var last = Functions.EventsOf("define-auth").Last(e => e["userName"]!.GetValue<string>() == user);
        var names = last["request"]!["session"]!.AsArray().Select(s => s!["challengeName"]!.GetValue<string>());
        Assert.Equal(["SRP_A", "PASSWORD_VERIFIER", "CUSTOM_CHALLENGE"], names);
    }

    [Fact]
    public async Task CustomWithSrp_WrongPassword_NotAuthorized()
    {
        var (poolId, clientId, user) = await UserAsync("with-srp-wrong");
        var srp = new SrpTestClient(poolId);

        var start = await StartAsync(clientId, user, new() { ["CHALLENGE_NAME"] = "SRP_A", ["SRP_A"] = srp.SrpA });
        var verifier = await PasswordVerifierAsync(srp, clientId, start, "Wr0ng-password!");

        Assert.Equal("NotAuthorizedException", verifier.ErrorType);
        Assert.Equal("Incorrect username or password.", verifier.Message);
        Assert.DoesNotContain(Functions.EventsOf("create-auth"), e => e["userName"]!.GetValue<string>() == user);
    }

    [Fact]
    public async Task AdminInitiateAuth_CustomAuth_AdminRespondIssuesTokens()
    {
        var (poolId, clientId, user) = await UserAsync("admin-custom");

        var challenge = await Api.CallAsync("AdminInitiateAuth", new
        {
            UserPoolId = poolId,
            ClientId = clientId,
            AuthFlow = "CUSTOM_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = user },
        });
        AssertChallenge(challenge, user, 1);
        var wrong = await Api.CallAsync("AdminRespondToAuthChallenge", new
        {
            UserPoolId = poolId,
            ClientId = clientId,
            ChallengeName = "CUSTOM_CHALLENGE",
            Session = Session(challenge),
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = user, ["ANSWER"] = "no" },
        });
        AssertChallenge(wrong, user, 2);
        var done = await Api.CallAsync("AdminRespondToAuthChallenge", new
        {
            UserPoolId = poolId,
            ClientId = clientId,
            ChallengeName = "CUSTOM_CHALLENGE",
            Session = Session(wrong),
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = user, ["ANSWER"] = "code-2" },
        });

        AssertTokens(done);
    }

    private async Task<AwsResponse> PasswordVerifierAsync(SrpTestClient srp, string clientId, AwsResponse start, string password)
    {
        var parameters = start["ChallengeParameters"]!;
        var userId = parameters["USER_ID_FOR_SRP"]!.GetValue<string>();
        var block = parameters["SECRET_BLOCK"]!.GetValue<string>();
        var (signature, timestamp) = srp.Answer(userId, password, parameters["SALT"]!.GetValue<string>(),
            parameters["SRP_B"]!.GetValue<string>(), block, fixture.Factory.Clock.GetUtcNow());
        return await Api.CallAsync("RespondToAuthChallenge", new
        {
            ChallengeName = "PASSWORD_VERIFIER",
            ClientId = clientId,
            Session = Session(start),
            ChallengeResponses = new Dictionary<string, string>
            {
                ["USERNAME"] = userId,
                ["PASSWORD_CLAIM_SECRET_BLOCK"] = block,
                ["PASSWORD_CLAIM_SIGNATURE"] = signature,
                ["TIMESTAMP"] = timestamp,
            },
        }, sign: false);
    }
}
