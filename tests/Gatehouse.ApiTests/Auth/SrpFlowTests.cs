using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Auth;

public sealed class SrpFlowTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string NHex =
        "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
        "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
        "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
        "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
        "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
        "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
        "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
        "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF";

    private readonly AwsApiClient _client = factory.CreateAwsClient();

    private Task<AwsResponse> StartAsync(string clientId, string username, string srpA) =>
        _client.CallAsync("InitiateAuth", new
        {
            AuthFlow = "USER_SRP_AUTH",
            ClientId = clientId,
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = username, ["SRP_A"] = srpA },
        }, sign: false);

    private Task<AwsResponse> RespondAsync(string clientId, string username, string block, string signature, string timestamp) =>
        _client.CallAsync("RespondToAuthChallenge", new
        {
            ChallengeName = "PASSWORD_VERIFIER",
            ClientId = clientId,
            ChallengeResponses = new Dictionary<string, string>
            {
                ["USERNAME"] = username,
                ["PASSWORD_CLAIM_SECRET_BLOCK"] = block,
                ["PASSWORD_CLAIM_SIGNATURE"] = signature,
                ["TIMESTAMP"] = timestamp,
            },
        }, sign: false);

    [Trait("SecurityRowPart", "69")]
    [Theory]
    [InlineData("0")]
    [InlineData(NHex)]
    [InlineData("not-hex")]
    public async Task InitiateAuth_SrpAZeroModN_InvalidParameter(string srpA)
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync();
        await _client.CreateUserAsync(pool, "srp-a");

        var response = await StartAsync(clientId, "srp-a", srpA);

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task InitiateAuth_SrpChallenge_HasCognitoParameters()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync();
        await _client.CreateUserAsync(pool, "params");

        var response = await StartAsync(clientId, "params", new SrpTestClient(pool).SrpA);

        Assert.Equal("PASSWORD_VERIFIER", response["ChallengeName"]!.GetValue<string>());
        var parameters = response["ChallengeParameters"]!.AsObject();
        Assert.Equal(["SALT", "SECRET_BLOCK", "SRP_B", "USERNAME", "USER_ID_FOR_SRP"], parameters.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("params", parameters["USER_ID_FOR_SRP"]!.GetValue<string>());
        Assert.True(Convert.TryFromBase64String(parameters["SECRET_BLOCK"]!.GetValue<string>(), new byte[4096], out _));
    }

    [Trait("SecurityRowPart", "11")]
    [Fact]
    public async Task InitiateAuth_SrpUnknownUserHidden_StableSaltAndFailsLikeWrongPassword()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync(new JsonObject { ["PreventUserExistenceErrors"] = "ENABLED" });

        var first = await StartAsync(clientId, "ghost", new SrpTestClient(pool).SrpA);
        var second = await StartAsync(clientId, "ghost", new SrpTestClient(pool).SrpA);
        var answer = await _client.SrpAuthAsync(factory, pool, clientId, "ghost", AuthSetup.Password);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(first["ChallengeParameters"]!["SALT"]!.GetValue<string>(), second["ChallengeParameters"]!["SALT"]!.GetValue<string>());
        Assert.NotEqual(first["ChallengeParameters"]!["SRP_B"]!.GetValue<string>(), second["ChallengeParameters"]!["SRP_B"]!.GetValue<string>());
        Assert.Equal("NotAuthorizedException", answer.ErrorType);
        Assert.Equal("Incorrect username or password.", answer.Message);
    }

    [Trait("SecurityRowPart", "11")]
    [Fact]
    public async Task InitiateAuth_SrpUnknownUserHiddenEmailPool_UuidShapedStableUserId()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync(
            new JsonObject { ["PreventUserExistenceErrors"] = "ENABLED" },
            new JsonObject { ["UsernameAttributes"] = new JsonArray("email") });

        var first = await StartAsync(clientId, "ghost@example.com", new SrpTestClient(pool).SrpA);
        var second = await StartAsync(clientId, "ghost@example.com", new SrpTestClient(pool).SrpA);

        var id = first["ChallengeParameters"]!["USER_ID_FOR_SRP"]!.GetValue<string>();
        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal(id, second["ChallengeParameters"]!["USER_ID_FOR_SRP"]!.GetValue<string>());
    }

    [Fact]
    public async Task InitiateAuth_SrpUnknownUserLegacy_UserNotFound()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync();

        var response = await StartAsync(clientId, "ghost", new SrpTestClient(pool).SrpA);

        Assert.Equal("UserNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task AdminInitiateAuth_Srp_EndToEnd()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync();
        await _client.CreateUserAsync(pool, "admin-srp");
        var srp = new SrpTestClient(pool);

        var start = await _client.CallAsync("AdminInitiateAuth", new
        {
            UserPoolId = pool,
            ClientId = clientId,
            AuthFlow = "USER_SRP_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "admin-srp", ["SRP_A"] = srp.SrpA },
        });
        var p = start["ChallengeParameters"]!;
        var block = p["SECRET_BLOCK"]!.GetValue<string>();
        var (signature, timestamp) = srp.Answer("admin-srp", AuthSetup.Password, p["SALT"]!.GetValue<string>(),
            p["SRP_B"]!.GetValue<string>(), block, factory.Clock.GetUtcNow());
        var response = await _client.CallAsync("AdminRespondToAuthChallenge", new
        {
            UserPoolId = pool,
            ClientId = clientId,
            ChallengeName = "PASSWORD_VERIFIER",
            ChallengeResponses = new Dictionary<string, string>
            {
                ["USERNAME"] = "admin-srp",
                ["PASSWORD_CLAIM_SECRET_BLOCK"] = block,
                ["PASSWORD_CLAIM_SIGNATURE"] = signature,
                ["TIMESTAMP"] = timestamp,
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response["AuthenticationResult"]?["AccessToken"]);
    }

    private async Task<(string Pool, string ClientId, SrpTestClient Srp, JsonNode Parameters)> ChallengeAsync(string user)
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync();
        await _client.CreateUserAsync(pool, user);
        var srp = new SrpTestClient(pool);
        var start = await StartAsync(clientId, user, srp.SrpA);
        return (pool, clientId, srp, start["ChallengeParameters"]!);
    }

    private static (string Signature, string Timestamp) Answer(SrpTestClient srp, JsonNode p, string user, DateTimeOffset at) =>
        srp.Answer(user, AuthSetup.Password, p["SALT"]!.GetValue<string>(), p["SRP_B"]!.GetValue<string>(),
            p["SECRET_BLOCK"]!.GetValue<string>(), at);

    [Trait("SecurityRow", "72")]
    [Fact]
    public async Task RespondToAuthChallenge_ReplayedSecretBlock_NotAuthorized()
    {
        var (_, clientId, srp, p) = await ChallengeAsync("replay");
        var (signature, timestamp) = Answer(srp, p, "replay", factory.Clock.GetUtcNow());
        var block = p["SECRET_BLOCK"]!.GetValue<string>();

        var first = await RespondAsync(clientId, "replay", block, signature, timestamp);
        var second = await RespondAsync(clientId, "replay", block, signature, timestamp);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("NotAuthorizedException", second.ErrorType);
    }

    [Trait("SecurityRow", "72")]
    [Fact]
    public async Task RespondToAuthChallenge_TamperedSecretBlock_NotAuthorized()
    {
        var (_, clientId, srp, p) = await ChallengeAsync("tamper");
        var (signature, timestamp) = Answer(srp, p, "tamper", factory.Clock.GetUtcNow());
        var bytes = Convert.FromBase64String(p["SECRET_BLOCK"]!.GetValue<string>());
        bytes[20] ^= 1;

        var response = await RespondAsync(clientId, "tamper", Convert.ToBase64String(bytes), signature, timestamp);

        Assert.Equal("NotAuthorizedException", response.ErrorType);
    }

    [Trait("SecurityRow", "72")]
    [Fact]
    public async Task RespondToAuthChallenge_BadTimestampFormat_InvalidParameter()
    {
        var (_, clientId, srp, p) = await ChallengeAsync("badts");
        var (signature, _) = Answer(srp, p, "badts", factory.Clock.GetUtcNow());

        var response = await RespondAsync(clientId, "badts", p["SECRET_BLOCK"]!.GetValue<string>(), signature, "2026-11-06T09:05:07Z");

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Trait("SecurityRow", "72")]
    [Fact]
    public async Task RespondToAuthChallenge_TimestampOutsideWindow_NotAuthorized()
    {
        var (_, clientId, srp, p) = await ChallengeAsync("oldts");
        var (signature, timestamp) = Answer(srp, p, "oldts", factory.Clock.GetUtcNow().AddMinutes(-6));

        var response = await RespondAsync(clientId, "oldts", p["SECRET_BLOCK"]!.GetValue<string>(), signature, timestamp);

        Assert.Equal("NotAuthorizedException", response.ErrorType);
    }

    [Fact]
    public async Task RespondToAuthChallenge_ZeroPaddedDay_Accepted()
    {
        var (_, clientId, srp, p) = await ChallengeAsync("padday");
        var now = factory.Clock.GetUtcNow();
        var padded = now.UtcDateTime.ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", System.Globalization.CultureInfo.InvariantCulture);
        // The signature covers the timestamp text, so sign the padded form.
        var signature = SignWith(srp, p, "padday", now, padded);

        var response = await RespondAsync(clientId, "padday", p["SECRET_BLOCK"]!.GetValue<string>(), signature, padded);

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    private static string SignWith(SrpTestClient srp, JsonNode p, string user, DateTimeOffset at, string timestamp) =>
        srp.Answer(user, AuthSetup.Password, p["SALT"]!.GetValue<string>(), p["SRP_B"]!.GetValue<string>(),
            p["SECRET_BLOCK"]!.GetValue<string>(), at, timestamp).Signature;

    [Trait("SecurityRowPart", "73")]
    [Fact]
    public async Task RespondToAuthChallenge_AfterAuthSessionValidity_SessionExpired()
    {
        var (_, clientId, srp, p) = await ChallengeAsync("slow");
        factory.Clock.Advance(TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(1));
        var (signature, timestamp) = Answer(srp, p, "slow", factory.Clock.GetUtcNow());

        var response = await RespondAsync(clientId, "slow", p["SECRET_BLOCK"]!.GetValue<string>(), signature, timestamp);

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal("Invalid session for the user, session is expired.", response.Message);
    }
}
