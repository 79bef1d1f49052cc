using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Passkeys;

public sealed class UserAuthTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    private static string[] Available(AwsResponse response) =>
        [.. response["AvailableChallenges"]!.AsArray().Select(c => c!.GetValue<string>())];

    private static string Session(AwsResponse response) => response["Session"]!.GetValue<string>();

    private async Task<(PasskeyPool Pool, SoftAuthenticator Key)> UserWithPasskeyAsync(
        string username, string userVerification = "preferred", JsonObject? tags = null)
    {
        var pool = await PasskeyPool.CreateAsync(_client, userVerification, tags: tags);
        var token = await pool.UserWithTokenAsync(username);
        var key = new SoftAuthenticator();
        await pool.RegisterAsync(token, key);
        return (pool, key);
    }

    [Fact]
    public async Task InitiateAuth_UserAuthWithoutPreference_SelectChallengeListsTheUsersFactors()
    {
        var (pool, key) = await UserWithPasskeyAsync("chooser");
        using var _ = key;
        await _client.CreateUserAsync(pool.PoolId, "no-passkey");

        var withPasskey = await pool.UserAuthAsync("chooser");
        var without = await pool.UserAuthAsync("no-passkey");

        Assert.Equal("SELECT_CHALLENGE", withPasskey["ChallengeName"]?.GetValue<string>());
        Assert.Equal(["WEB_AUTHN", "PASSWORD", "PASSWORD_SRP"], Available(withPasskey));
        Assert.NotNull(withPasskey["Session"]);
        Assert.Equal(["PASSWORD", "PASSWORD_SRP"], Available(without));
    }

    [Fact]
    public async Task InitiateAuth_UserAuthHidingExistence_SameChoicesForEveryone()
    {
        var pool = await PasskeyPool.CreateAsync(_client,
            clientSettings: new JsonObject { ["PreventUserExistenceErrors"] = "ENABLED" });
        await _client.CreateUserAsync(pool.PoolId, "real");

        var real = await pool.UserAuthAsync("real");
        var ghost = await pool.UserAuthAsync("ghost");

        Assert.Equal(Available(real), Available(ghost));
        Assert.Equal("SELECT_CHALLENGE", ghost["ChallengeName"]?.GetValue<string>());
    }

    [Fact]
    public async Task InitiateAuth_UserAuthUnknownUser_UserNotFound()
    {
        var pool = await PasskeyPool.CreateAsync(_client);

        var response = await pool.UserAuthAsync("ghost");

        Assert.Equal("UserNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task InitiateAuth_UserAuthClientWithoutAllowUserAuth_InvalidParameter()
    {
        var (poolId, clientId, _) = await _client.PoolAndClientAsync();
        await _client.CreateUserAsync(poolId, "legacy");

        var response = await new PasskeyPool(_client, poolId, clientId).UserAuthAsync("legacy");

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task InitiateAuth_PreferredWebAuthn_PasskeySignsIn()
    {
        var (pool, key) = await UserWithPasskeyAsync("passkey-user");
        using var _ = key;

        var challenge = await pool.UserAuthAsync("passkey-user", "WEB_AUTHN");
        var options = JsonNode.Parse(challenge["ChallengeParameters"]!["CREDENTIAL_REQUEST_OPTIONS"]!.GetValue<string>())!;
        var signedIn = await pool.AnswerWebAuthnAsync(challenge, "passkey-user", key);

        Assert.Equal("WEB_AUTHN", challenge["ChallengeName"]?.GetValue<string>());
        Assert.Equal("localhost", options["rpId"]?.GetValue<string>());
        Assert.Equal(key.CredentialIdText, options["allowCredentials"]?[0]?["id"]?.GetValue<string>());
        Assert.NotNull(signedIn["AuthenticationResult"]?["AccessToken"]);
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, "MFA_SETUP")]
    public async Task WebAuthnSignIn_PoolRequiringMfa_MfaOnlyWithThePasskeyPlusMfaTag(bool tagged, string? expected)
    {
        var name = tagged ? "pk-mfa-tagged" : "pk-mfa-plain";
        var tags = tagged ? new JsonObject { ["gatehouse:passkey-plus-mfa"] = "true" } : null;
        var (pool, key) = await UserWithPasskeyAsync(name, tags: tags);
        using var _ = key;
        AuthSetup.Ok(await _client.CallAsync("SetUserPoolMfaConfig", new
        {
            UserPoolId = pool.PoolId,
            MfaConfiguration = "ON",
            SoftwareTokenMfaConfiguration = new { Enabled = true },
        }));

        var challenge = await pool.UserAuthAsync(name, "WEB_AUTHN");
        var answered = await pool.AnswerWebAuthnAsync(challenge, name, key);

        Assert.Equal(expected, answered["ChallengeName"]?.GetValue<string>());
        Assert.Equal(expected is null, answered["AuthenticationResult"] is not null);
    }

    [Fact]
    public async Task RespondToAuthChallenge_WebAuthnSessionReused_NotAuthorized()
    {
        var (pool, key) = await UserWithPasskeyAsync("reuse");
        using var _ = key;
        var challenge = await pool.UserAuthAsync("reuse", "WEB_AUTHN");
        Assert.NotNull((await pool.AnswerWebAuthnAsync(challenge, "reuse", key))["AuthenticationResult"]);

        var again = await pool.AnswerWebAuthnAsync(challenge, "reuse", key);

        Assert.Equal("NotAuthorizedException", again.ErrorType);
    }

    public static TheoryData<string, SoftAuthenticator.Bend> BadAssertions => new()
    {
        { "foreign origin", new SoftAuthenticator.Bend(Origin: "https://evil.example") },
        { "other relying party", new SoftAuthenticator.Bend(RpId: "evil.example") },
        { "user not present", new SoftAuthenticator.Bend(UserPresent: false) },
        { "bad signature", new SoftAuthenticator.Bend(BreakSignature: true) },
        { "wrong challenge", new SoftAuthenticator.Bend(Challenge: new byte[32]) },
        { "registration type", new SoftAuthenticator.Bend(Type: "webauthn.create") },
    };

    [Theory]
    [MemberData(nameof(BadAssertions))]
    public async Task RespondToAuthChallenge_BadAssertion_NotAuthorized(string what, SoftAuthenticator.Bend bend)
    {
        var (pool, key) = await UserWithPasskeyAsync("bad-" + what.Replace(' ', '-'));
        using var _ = key;
        var username = "bad-" + what.Replace(' ', '-');
        var challenge = await pool.UserAuthAsync(username, "WEB_AUTHN");

        var refused = await pool.AnswerWebAuthnAsync(challenge, username, key, bend);

        Assert.Equal("NotAuthorizedException", refused.ErrorType);
        // The session was not spent by the refused answer: an honest one still signs in.
        Assert.NotNull((await pool.AnswerWebAuthnAsync(challenge, username, key))["AuthenticationResult"]);
    }

    [Fact]
    public async Task RespondToAuthChallenge_NoUserVerificationWhenRequired_NotAuthorized()
    {
        var (pool, key) = await UserWithPasskeyAsync("uv-required", userVerification: "required");
        using var _ = key;
        var challenge = await pool.UserAuthAsync("uv-required", "WEB_AUTHN");

        var refused = await pool.AnswerWebAuthnAsync(challenge, "uv-required", key,
            new SoftAuthenticator.Bend(UserVerified: false));

        Assert.Equal("NotAuthorizedException", refused.ErrorType);
    }

    [Fact]
    public async Task RespondToAuthChallenge_SignCounterGoesBack_NotAuthorizedAsPossibleClone()
    {
        var (pool, key) = await UserWithPasskeyAsync("clone");
        using var _ = key;
        key.SignCount = 10;
        Assert.NotNull((await pool.AnswerWebAuthnAsync(await pool.UserAuthAsync("clone", "WEB_AUTHN"), "clone", key))
            ["AuthenticationResult"]);

        var same = await pool.AnswerWebAuthnAsync(await pool.UserAuthAsync("clone", "WEB_AUTHN"), "clone", key,
            new SoftAuthenticator.Bend(SignCount: 10));
        var lower = await pool.AnswerWebAuthnAsync(await pool.UserAuthAsync("clone", "WEB_AUTHN"), "clone", key,
            new SoftAuthenticator.Bend(SignCount: 3));

        Assert.Equal("NotAuthorizedException", same.ErrorType);
        Assert.Equal("NotAuthorizedException", lower.ErrorType);
    }

    [Fact]
    public async Task RespondToAuthChallenge_ZeroCounterAuthenticator_SignsInAgain()
    {
        var (pool, key) = await UserWithPasskeyAsync("zero");
        using var _ = key;
        key.SignCount = 0;

        var first = await pool.AnswerWebAuthnAsync(await pool.UserAuthAsync("zero", "WEB_AUTHN"), "zero", key);
        var second = await pool.AnswerWebAuthnAsync(await pool.UserAuthAsync("zero", "WEB_AUTHN"), "zero", key);

        Assert.NotNull(first["AuthenticationResult"]);
        Assert.NotNull(second["AuthenticationResult"]);
    }

    [Fact]
    public async Task RespondToAuthChallenge_AnotherUsersPasskey_NotAuthorized()
    {
        var (pool, aliceKey) = await UserWithPasskeyAsync("alice");
        using var _ = aliceKey;
        var bobToken = await pool.UserWithTokenAsync("bob");
        using var bobKey = new SoftAuthenticator();
        await pool.RegisterAsync(bobToken, bobKey);
        var challenge = await pool.UserAuthAsync("alice", "WEB_AUTHN");

        var refused = await pool.AnswerWebAuthnAsync(challenge, "alice", bobKey);
        var otherName = await pool.AnswerWebAuthnAsync(challenge, "bob", aliceKey);

        Assert.Equal("NotAuthorizedException", refused.ErrorType);
        Assert.Equal("NotAuthorizedException", otherName.ErrorType);
    }

    [Fact]
    public async Task RespondToAuthChallenge_WebAuthnMalformedCredential_Refused()
    {
        var (pool, key) = await UserWithPasskeyAsync("junk");
        using var _ = key;
        var challenge = await pool.UserAuthAsync("junk", "WEB_AUTHN");

        foreach (var junk in new[] { "not json", "{}", "[]", """{"id":"AA","rawId":"AA","type":"public-key","response":{}}""" })
        {
            var refused = await pool.RespondAsync("WEB_AUTHN", Session(challenge),
                new Dictionary<string, string> { ["USERNAME"] = "junk", ["CREDENTIAL"] = junk });
            Assert.Equal("NotAuthorizedException", refused.ErrorType);
        }
    }

    [Fact]
    public async Task RespondToAuthChallenge_WebAuthnForgedSession_NotAuthorized()
    {
        var (pool, key) = await UserWithPasskeyAsync("forged-session");
        using var _ = key;

        var refused = await pool.RespondAsync("WEB_AUTHN", Convert.ToBase64String(new byte[64]), new Dictionary<string, string>
        {
            ["USERNAME"] = "forged-session",
            ["CREDENTIAL"] = "{}",
        });

        Assert.Equal("NotAuthorizedException", refused.ErrorType);
    }

    [Fact]
    public async Task SelectChallenge_WebAuthn_ThenPasskeySignsIn()
    {
        var (pool, key) = await UserWithPasskeyAsync("select-pk");
        using var _ = key;
        var select = await pool.UserAuthAsync("select-pk");

        var challenge = await pool.RespondAsync("SELECT_CHALLENGE", Session(select),
            new Dictionary<string, string> { ["USERNAME"] = "select-pk", ["ANSWER"] = "WEB_AUTHN" });
        var signedIn = await pool.AnswerWebAuthnAsync(challenge, "select-pk", key);

        Assert.Equal("WEB_AUTHN", challenge["ChallengeName"]?.GetValue<string>());
        Assert.NotNull(signedIn["AuthenticationResult"]?["IdToken"]);
    }

    [Fact]
    public async Task SelectChallenge_PasswordInTheSameAnswer_SignsIn()
    {
        var pool = await PasskeyPool.CreateAsync(_client);
        await _client.CreateUserAsync(pool.PoolId, "select-pw");
        var select = await pool.UserAuthAsync("select-pw");

        var signedIn = await pool.RespondAsync("SELECT_CHALLENGE", Session(select), new Dictionary<string, string>
        {
            ["USERNAME"] = "select-pw",
            ["ANSWER"] = "PASSWORD",
            ["PASSWORD"] = AuthSetup.Password,
        });
        var reused = await pool.RespondAsync("SELECT_CHALLENGE", Session(select), new Dictionary<string, string>
        {
            ["USERNAME"] = "select-pw",
            ["ANSWER"] = "PASSWORD",
            ["PASSWORD"] = AuthSetup.Password,
        });

        Assert.NotNull(signedIn["AuthenticationResult"]?["AccessToken"]);
        Assert.Equal("NotAuthorizedException", reused.ErrorType);
    }

    [Fact]
    public async Task SelectChallenge_WrongPassword_NotAuthorized()
    {
        var pool = await PasskeyPool.CreateAsync(_client);
        await _client.CreateUserAsync(pool.PoolId, "select-wrong");
        var select = await pool.UserAuthAsync("select-wrong");

        var refused = await pool.RespondAsync("SELECT_CHALLENGE", Session(select), new Dictionary<string, string>
        {
            ["USERNAME"] = "select-wrong",
            ["ANSWER"] = "PASSWORD",
            ["PASSWORD"] = "Wrong0000!x",
        });

        Assert.Equal("NotAuthorizedException", refused.ErrorType);
    }

    [Fact]
    public async Task SelectChallenge_PasswordSrp_ThenPasswordVerifierSignsIn()
    {
        var pool = await PasskeyPool.CreateAsync(_client);
        await _client.CreateUserAsync(pool.PoolId, "select-srp");
        var select = await pool.UserAuthAsync("select-srp");
        var srp = new SrpTestClient(pool.PoolId);

        var verifier = await pool.RespondAsync("SELECT_CHALLENGE", Session(select), new Dictionary<string, string>
        {
            ["USERNAME"] = "select-srp",
            ["ANSWER"] = "PASSWORD_SRP",
            ["SRP_A"] = srp.SrpA,
        });
        var signedIn = await AnswerVerifierAsync(pool, srp, verifier);

        Assert.Equal("PASSWORD_VERIFIER", verifier["ChallengeName"]?.GetValue<string>());
        Assert.NotNull(signedIn["AuthenticationResult"]?["AccessToken"]);
    }

    [Fact]
    public async Task SelectChallenge_AnswerNotAvailable_InvalidParameter()
    {
        var pool = await PasskeyPool.CreateAsync(_client);
        await _client.CreateUserAsync(pool.PoolId, "select-na");

        var webAuthn = await pool.RespondAsync("SELECT_CHALLENGE", Session(await pool.UserAuthAsync("select-na")),
            new Dictionary<string, string> { ["USERNAME"] = "select-na", ["ANSWER"] = "WEB_AUTHN" });
        var unknown = await pool.RespondAsync("SELECT_CHALLENGE", Session(await pool.UserAuthAsync("select-na")),
            new Dictionary<string, string> { ["USERNAME"] = "select-na", ["ANSWER"] = "CARRIER_PIGEON" });

        Assert.Equal("InvalidParameterException", webAuthn.ErrorType);
        Assert.Equal("InvalidParameterException", unknown.ErrorType);
    }

    [Fact]
    public async Task SelectChallenge_OtherUsersSession_NotAuthorized()
    {
        var pool = await PasskeyPool.CreateAsync(_client);
        await _client.CreateUserAsync(pool.PoolId, "sess-a");
        await _client.CreateUserAsync(pool.PoolId, "sess-b");
        var select = await pool.UserAuthAsync("sess-a");

        var refused = await pool.RespondAsync("SELECT_CHALLENGE", Session(select), new Dictionary<string, string>
        {
            ["USERNAME"] = "sess-b",
            ["ANSWER"] = "PASSWORD",
            ["PASSWORD"] = AuthSetup.Password,
        });

        Assert.Equal("NotAuthorizedException", refused.ErrorType);
    }

    [Fact]
    public async Task InitiateAuth_PreferredPassword_SignsIn()
    {
        var pool = await PasskeyPool.CreateAsync(_client);
        await _client.CreateUserAsync(pool.PoolId, "pref-pw");

        var signedIn = await pool.UserAuthAsync("pref-pw", "PASSWORD", ("PASSWORD", AuthSetup.Password));
        var wrong = await pool.UserAuthAsync("pref-pw", "PASSWORD", ("PASSWORD", "Wrong0000!x"));
        var missing = await pool.UserAuthAsync("pref-pw", "PASSWORD");

        Assert.NotNull(signedIn["AuthenticationResult"]?["AccessToken"]);
        Assert.Equal("NotAuthorizedException", wrong.ErrorType);
        Assert.Equal("InvalidParameterException", missing.ErrorType);
    }

    [Fact]
    public async Task InitiateAuth_PreferredPasswordSrp_SignsIn()
    {
        var pool = await PasskeyPool.CreateAsync(_client);
        await _client.CreateUserAsync(pool.PoolId, "pref-srp");
        var srp = new SrpTestClient(pool.PoolId);

        var verifier = await pool.UserAuthAsync("pref-srp", "PASSWORD_SRP", ("SRP_A", srp.SrpA));
        var signedIn = await AnswerVerifierAsync(pool, srp, verifier);

        Assert.NotNull(signedIn["AuthenticationResult"]?["AccessToken"]);
    }

    [Theory]
    [InlineData("EMAIL_OTP")]
    [InlineData("SMS_OTP")]
    [InlineData("NOT_A_FACTOR")]
    public async Task InitiateAuth_PreferredFactorNotAvailable_InvalidParameter(string factor)
    {
        var pool = await PasskeyPool.CreateAsync(_client);
        await _client.CreateUserAsync(pool.PoolId, "pref-na");

        var response = await pool.UserAuthAsync("pref-na", factor);

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task InitiateAuth_PreferredWebAuthnUserWithoutPasskey_InvalidParameter()
    {
        var pool = await PasskeyPool.CreateAsync(_client);
        await _client.CreateUserAsync(pool.PoolId, "no-pk");

        var response = await pool.UserAuthAsync("no-pk", "WEB_AUTHN");

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task InitiateAuth_PreferredWebAuthnUnknownUserHidden_ChallengeThatCannotBeAnswered()
    {
        var pool = await PasskeyPool.CreateAsync(_client,
            clientSettings: new JsonObject { ["PreventUserExistenceErrors"] = "ENABLED" });
        using var key = new SoftAuthenticator();

        var challenge = await pool.UserAuthAsync("ghost", "WEB_AUTHN");
        var refused = await pool.AnswerWebAuthnAsync(challenge, "ghost", key);

        Assert.Equal("WEB_AUTHN", challenge["ChallengeName"]?.GetValue<string>());
        Assert.Equal("NotAuthorizedException", refused.ErrorType);
    }

    [Fact]
    public async Task RespondToAuthChallenge_DisabledUserWithPasskey_NotAuthorized()
    {
        var (pool, key) = await UserWithPasskeyAsync("disabled-pk");
        using var _ = key;
        var challenge = await pool.UserAuthAsync("disabled-pk", "WEB_AUTHN");
        AuthSetup.Ok(await _client.CallAsync("AdminDisableUser", new { UserPoolId = pool.PoolId, Username = "disabled-pk" }));

        var refused = await pool.AnswerWebAuthnAsync(challenge, "disabled-pk", key);

        Assert.Equal("NotAuthorizedException", refused.ErrorType);
        Assert.Equal("User is disabled.", refused.Message);
    }

    private async Task<AwsResponse> AnswerVerifierAsync(PasskeyPool pool, SrpTestClient srp, AwsResponse verifier)
    {
        var parameters = verifier["ChallengeParameters"]!;
        var userId = parameters["USER_ID_FOR_SRP"]!.GetValue<string>();
        var block = parameters["SECRET_BLOCK"]!.GetValue<string>();
        var (signature, timestamp) = srp.Answer(userId, AuthSetup.Password, parameters["SALT"]!.GetValue<string>(),
            parameters["SRP_B"]!.GetValue<string>(), block, factory.Clock.GetUtcNow());
        return await pool.RespondAsync("PASSWORD_VERIFIER", verifier["Session"]?.GetValue<string>(),
            new Dictionary<string, string>
            {
                ["USERNAME"] = userId,
                ["PASSWORD_CLAIM_SECRET_BLOCK"] = block,
                ["PASSWORD_CLAIM_SIGNATURE"] = signature,
                ["TIMESTAMP"] = timestamp,
            });
    }
}
