using System.Buffers.Text;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Passkeys;

public sealed class WebAuthnRegistrationTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    [Fact]
    public async Task StartWebAuthnRegistration_ReturnsCreationOptionsForAmplify()
    {
        var pool = await PasskeyPool.CreateAsync(_client);
        var token = await pool.UserWithTokenAsync("opts");

        var options = await pool.StartAsync(token);

        Assert.Equal("localhost", options["rp"]?["id"]?.GetValue<string>());
        Assert.Equal("opts", options["user"]?["name"]?.GetValue<string>());
        Assert.True(Base64Url.IsValid(options["challenge"]!.GetValue<string>()));
        Assert.True(Base64Url.DecodeFromChars(options["challenge"]!.GetValue<string>()).Length >= 16);
        Assert.Contains(options["pubKeyCredParams"]!.AsArray(), p => p?["alg"]?.GetValue<int>() == -7);
        Assert.Equal("required", options["authenticatorSelection"]?["residentKey"]?.GetValue<string>());
        Assert.Equal("preferred", options["authenticatorSelection"]?["userVerification"]?.GetValue<string>());
    }

    [Fact]
    public async Task StartWebAuthnRegistration_PolicyWithoutWebAuthn_WebAuthnNotEnabled()
    {
        var (poolId, clientId, _) = await _client.PoolAndClientAsync();
        await _client.CreateUserAsync(poolId, "nopk");
        var token = await new PasskeyPool(_client, poolId, clientId).AccessTokenAsync("nopk", clientId);

        var start = await _client.CallAsync("StartWebAuthnRegistration", new { AccessToken = token }, sign: false);

        Assert.Equal("WebAuthnNotEnabledException", start.ErrorType);
    }

    [Fact]
    public async Task StartWebAuthnRegistration_BadToken_NotAuthorized()
    {
        var start = await _client.CallAsync("StartWebAuthnRegistration", new { AccessToken = "nope" }, sign: false);

        Assert.Equal("NotAuthorizedException", start.ErrorType);
    }

    [Fact]
    public async Task CompleteWebAuthnRegistration_ThenList_ShowsThePasskey_ThenDelete()
    {
        var pool = await PasskeyPool.CreateAsync(_client);
        var token = await pool.UserWithTokenAsync("lister");
        using var key = new SoftAuthenticator();

        await pool.RegisterAsync(token, key);
        var list = await _client.CallAsync("ListWebAuthnCredentials", new { AccessToken = token }, sign: false);

        var only = Assert.Single(list["Credentials"]!.AsArray());
        Assert.Equal(key.CredentialIdText, only?["CredentialId"]?.GetValue<string>());
        Assert.Equal("localhost", only?["RelyingPartyId"]?.GetValue<string>());
        Assert.Equal("platform", only?["AuthenticatorAttachment"]?.GetValue<string>());
        Assert.Equal(["internal"], only!["AuthenticatorTransports"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.NotNull(only["CreatedAt"]);
        Assert.Null(list["NextToken"]);

        var deleted = await _client.CallAsync("DeleteWebAuthnCredential",
            new { AccessToken = token, CredentialId = key.CredentialIdText }, sign: false);
        AuthSetup.Ok(deleted);
        var after = await _client.CallAsync("ListWebAuthnCredentials", new { AccessToken = token }, sign: false);
        Assert.Empty(after["Credentials"]!.AsArray());
        var again = await _client.CallAsync("DeleteWebAuthnCredential",
            new { AccessToken = token, CredentialId = key.CredentialIdText }, sign: false);
        Assert.Equal("ResourceNotFoundException", again.ErrorType);
    }

    [Fact]
    public async Task DeleteWebAuthnCredential_AnotherUsersCredential_ResourceNotFound()
    {
        var pool = await PasskeyPool.CreateAsync(_client);
        var owner = await pool.UserWithTokenAsync("owner");
        var other = await pool.UserWithTokenAsync("other");
        using var key = new SoftAuthenticator();
        await pool.RegisterAsync(owner, key);

        var deleted = await _client.CallAsync("DeleteWebAuthnCredential",
            new { AccessToken = other, CredentialId = key.CredentialIdText }, sign: false);

        Assert.Equal("ResourceNotFoundException", deleted.ErrorType);
        var list = await _client.CallAsync("ListWebAuthnCredentials", new { AccessToken = owner }, sign: false);
        Assert.Single(list["Credentials"]!.AsArray());
    }

    [Fact]
    public async Task ListWebAuthnCredentials_Paginates()
    {
        var pool = await PasskeyPool.CreateAsync(_client);
        var token = await pool.UserWithTokenAsync("pager");
        using var first = new SoftAuthenticator();
        using var second = new SoftAuthenticator();
        await pool.RegisterAsync(token, first);
        await pool.RegisterAsync(token, second);

        var page1 = await _client.CallAsync("ListWebAuthnCredentials", new { AccessToken = token, MaxResults = 1 }, sign: false);
        var next = page1["NextToken"]!.GetValue<string>();
        var page2 = await _client.CallAsync("ListWebAuthnCredentials",
            new { AccessToken = token, MaxResults = 1, NextToken = next }, sign: false);

        Assert.Equal(first.CredentialIdText, Assert.Single(page1["Credentials"]!.AsArray())?["CredentialId"]?.GetValue<string>());
        Assert.Equal(second.CredentialIdText, Assert.Single(page2["Credentials"]!.AsArray())?["CredentialId"]?.GetValue<string>());
        Assert.Null(page2["NextToken"]);
        var bad = await _client.CallAsync("ListWebAuthnCredentials", new { AccessToken = token, NextToken = "x" }, sign: false);
        Assert.Equal("InvalidParameterException", bad.ErrorType);
    }

    [Fact]
    public async Task CompleteWebAuthnRegistration_ChallengeUsedTwice_ChallengeNotFound()
    {
        var pool = await PasskeyPool.CreateAsync(_client);
        var token = await pool.UserWithTokenAsync("replay");
        using var key = new SoftAuthenticator();
        var options = await pool.StartAsync(token);
        AuthSetup.Ok(await pool.CompleteAsync(token, key.Register(options, PasskeyPool.Origin)));
        using var second = new SoftAuthenticator();

        var replayed = await pool.CompleteAsync(token, second.Register(options, PasskeyPool.Origin));

        Assert.Equal("WebAuthnChallengeNotFoundException", replayed.ErrorType);
    }

    [Fact]
    public async Task CompleteWebAuthnRegistration_ForgedChallenge_ChallengeNotFound()
    {
        var pool = await PasskeyPool.CreateAsync(_client);
        var token = await pool.UserWithTokenAsync("forged");
        using var key = new SoftAuthenticator();
        var options = await pool.StartAsync(token);

        var forged = await pool.CompleteAsync(token,
            key.Register(options, PasskeyPool.Origin, new SoftAuthenticator.Bend(Challenge: new byte[32])));

        Assert.Equal("WebAuthnChallengeNotFoundException", forged.ErrorType);
    }

    [Fact]
    public async Task CompleteWebAuthnRegistration_ExpiredChallenge_ChallengeNotFound()
    {
        var pool = await PasskeyPool.CreateAsync(_client);
        var token = await pool.UserWithTokenAsync("late");
        using var key = new SoftAuthenticator();
        var options = await pool.StartAsync(token);
        factory.Clock.Advance(TimeSpan.FromMinutes(6));

        var late = await pool.CompleteAsync(token, key.Register(options, PasskeyPool.Origin));

        Assert.Equal("WebAuthnChallengeNotFoundException", late.ErrorType);
    }

    [Fact]
    public async Task CompleteWebAuthnRegistration_AnotherUsersChallenge_ChallengeNotFound()
    {
        var pool = await PasskeyPool.CreateAsync(_client);
        var alice = await pool.UserWithTokenAsync("alice");
        var bob = await pool.UserWithTokenAsync("bob");
        using var key = new SoftAuthenticator();
        var options = await pool.StartAsync(alice);

        var stolen = await pool.CompleteAsync(bob, key.Register(options, PasskeyPool.Origin));

        Assert.Equal("WebAuthnChallengeNotFoundException", stolen.ErrorType);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("http://127.0.0.1:5173")]
    public async Task CompleteWebAuthnRegistration_ForeignOrigin_OriginNotAllowed(string origin)
    {
        var pool = await PasskeyPool.CreateAsync(_client);
        var token = await pool.UserWithTokenAsync("origin");
        using var key = new SoftAuthenticator();
        var options = await pool.StartAsync(token);

        var foreign = await pool.CompleteAsync(token, key.Register(options, origin));

        Assert.Equal("WebAuthnOriginNotAllowedException", foreign.ErrorType);
    }

    [Fact]
    public async Task CompleteWebAuthnRegistration_OtherRelyingParty_RelyingPartyMismatch()
    {
        var pool = await PasskeyPool.CreateAsync(_client);
        var token = await pool.UserWithTokenAsync("rp");
        using var key = new SoftAuthenticator();
        var options = await pool.StartAsync(token);

        var other = await pool.CompleteAsync(token,
            key.Register(options, PasskeyPool.Origin, new SoftAuthenticator.Bend(RpId: "evil.example")));

        Assert.Equal("WebAuthnRelyingPartyMismatchException", other.ErrorType);
    }

    [Fact]
    public async Task CompleteWebAuthnRegistration_OtherAppClient_ClientMismatch()
    {
        var pool = await PasskeyPool.CreateAsync(_client);
        var token = await pool.UserWithTokenAsync("clients");
        var second = await _client.CreateClientAsync(pool.PoolId, new JsonObject
        {
            ["ExplicitAuthFlows"] = new JsonArray("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
        });
        var otherToken = await pool.AccessTokenAsync("clients", second["ClientId"]!.GetValue<string>());
        using var key = new SoftAuthenticator();
        var options = await pool.StartAsync(token);

        var mismatch = await pool.CompleteAsync(otherToken, key.Register(options, PasskeyPool.Origin));

        Assert.Equal("WebAuthnClientMismatchException", mismatch.ErrorType);
    }

    [Fact]
    public async Task CompleteWebAuthnRegistration_NoUserVerificationWhenRequired_Refused()
    {
        var pool = await PasskeyPool.CreateAsync(_client, userVerification: "required");
        var token = await pool.UserWithTokenAsync("uv");
        using var key = new SoftAuthenticator();
        var options = await pool.StartAsync(token);

        var refused = await pool.CompleteAsync(token,
            key.Register(options, PasskeyPool.Origin, new SoftAuthenticator.Bend(UserVerified: false)));

        Assert.Equal("InvalidParameterException", refused.ErrorType);
        var list = await _client.CallAsync("ListWebAuthnCredentials", new { AccessToken = token }, sign: false);
        Assert.Empty(list["Credentials"]!.AsArray());
    }

    [Fact]
    public async Task CompleteWebAuthnRegistration_WrongType_Refused()
    {
        var pool = await PasskeyPool.CreateAsync(_client);
        var token = await pool.UserWithTokenAsync("type");
        using var key = new SoftAuthenticator();
        var options = await pool.StartAsync(token);

        var refused = await pool.CompleteAsync(token,
            key.Register(options, PasskeyPool.Origin, new SoftAuthenticator.Bend(Type: "webauthn.get")));

        Assert.Equal("InvalidParameterException", refused.ErrorType);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"id":"x","rawId":"x","type":"public-key","response":{"clientDataJSON":"!!","attestationObject":"AA"}}""")]
    [InlineData("""{"id":"x","rawId":"x","type":"public-key","response":{"clientDataJSON":"e30","attestationObject":"AA"}}""")]
    [InlineData("""[1,2]""")]
    public async Task CompleteWebAuthnRegistration_Malformed_InvalidParameter(string credential)
    {
        var pool = await PasskeyPool.CreateAsync(_client);
        var token = await pool.UserWithTokenAsync("junk");

        var response = await _client.SendAsync("CompleteWebAuthnRegistration",
            $$"""{"AccessToken":"{{token}}","Credential":{{credential}}}""", sign: false);

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }
}
