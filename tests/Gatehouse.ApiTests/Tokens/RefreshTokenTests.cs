using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.Server.Auth;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Tokens;

public sealed class RefreshTokenTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    private async Task<(string Pool, string ClientId, JsonNode Result)> SignedInAsync(string user, JsonObject? client = null)
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync(client);
        await _client.CreateUserAsync(pool, user);
        var response = await _client.PasswordAuthAsync(clientId, user, AuthSetup.Password);
        return (pool, clientId, response["AuthenticationResult"]!);
    }

    private Task<AwsResponse> RefreshAsync(string clientId, string token, string flow = "REFRESH_TOKEN_AUTH",
        Dictionary<string, string>? extra = null)
    {
        var parameters = new Dictionary<string, string>(extra ?? []) { ["REFRESH_TOKEN"] = token };
        return _client.CallAsync("InitiateAuth", new { AuthFlow = flow, ClientId = clientId, AuthParameters = parameters }, sign: false);
    }

    private Task<AwsResponse> GetTokensAsync(string clientId, string token, string? secret = null) =>
        _client.CallAsync("GetTokensFromRefreshToken",
            new { ClientId = clientId, RefreshToken = token, ClientSecret = secret }, sign: false);

    /// <summary>Client settings with refresh-token rotation on (CreateUserPoolClient RefreshTokenRotation).</summary>
    private static JsonObject Rotating(int graceSeconds) => new()
    {
        ["RefreshTokenRotation"] = new JsonObject { ["Feature"] = "ENABLED", ["RetryGracePeriodSeconds"] = graceSeconds },
    };

    [Theory]
    [InlineData("REFRESH_TOKEN_AUTH")]
    [InlineData("REFRESH_TOKEN")]
    public async Task InitiateAuth_Refresh_NewTokensSameAuthTimeAndOriginNoRefreshToken(string flow)
    {
        var (_, clientId, first) = await SignedInAsync("refresher");
        factory.Clock.Advance(TimeSpan.FromMinutes(10));

        var response = await RefreshAsync(clientId, first["RefreshToken"]!.GetValue<string>(), flow);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var result = response["AuthenticationResult"]!;
        Assert.Null(result["RefreshToken"]);
        var before = TokenVerifier.Payload(first["AccessToken"]!.GetValue<string>());
        var after = TokenVerifier.Payload(result["AccessToken"]!.GetValue<string>());
        Assert.Equal(before["auth_time"]!.GetValue<long>(), after["auth_time"]!.GetValue<long>());
        Assert.Equal(before["origin_jti"]!.GetValue<string>(), after["origin_jti"]!.GetValue<string>());
        Assert.NotEqual(before["jti"]!.GetValue<string>(), after["jti"]!.GetValue<string>());
        Assert.Equal(before["iat"]!.GetValue<long>() + 600, after["iat"]!.GetValue<long>());
    }

    [Fact]
    public async Task InitiateAuth_RefreshExpiry_OneSecondBeforeWorksAtExpiryFails()
    {
        var (_, clientId, first) = await SignedInAsync("expiry");
        var token = first["RefreshToken"]!.GetValue<string>();

        factory.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        var before = await RefreshAsync(clientId, token);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var at = await RefreshAsync(clientId, token);

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal("NotAuthorizedException", at.ErrorType);
        Assert.Equal("Refresh Token has expired", at.Message);
    }

    [Trait("SecurityRowPart", "38")]
    [Trait("SecurityRowPart", "88")]
    [Fact]
    public async Task InitiateAuth_UnknownOrForeignRefreshToken_InvalidRefreshToken()
    {
        var (_, _, first) = await SignedInAsync("foreign");
        var (_, otherClient, _) = await _client.PoolAndClientAsync();

        var unknown = await RefreshAsync(otherClient, "ghr1.nope");
        var foreign = await RefreshAsync(otherClient, first["RefreshToken"]!.GetValue<string>());

        Assert.Equal("Invalid Refresh Token", unknown.Message);
        Assert.Equal("NotAuthorizedException", foreign.ErrorType);
        Assert.Equal("Invalid Refresh Token", foreign.Message);
    }

    [Fact]
    public async Task InitiateAuth_RefreshNotAllowed_InvalidParameter()
    {
        var (_, clientId, first) = await SignedInAsync("norefresh", new JsonObject
        {
            ["ExplicitAuthFlows"] = new JsonArray("ALLOW_USER_PASSWORD_AUTH"),
        });

        var response = await RefreshAsync(clientId, first["RefreshToken"]!.GetValue<string>());

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task InitiateAuth_RefreshSecretClient_SecretHashOverSubAccepted()
    {
        var (pool, clientId, secret) = await _client.PoolAndClientAsync(new JsonObject { ["GenerateSecret"] = true });
        await _client.CreateUserAsync(pool, "secretive");
        var signIn = await _client.PasswordAuthAsync(clientId, "secretive", AuthSetup.Password,
            SecretHash.Compute(secret!, "secretive", clientId));
        var token = signIn["AuthenticationResult"]!["RefreshToken"]!.GetValue<string>();
        var sub = TokenVerifier.Payload(signIn["AuthenticationResult"]!["IdToken"]!.GetValue<string>())["sub"]!.GetValue<string>();

        var missing = await RefreshAsync(clientId, token);
        var wrong = await RefreshAsync(clientId, token, extra: new() { ["SECRET_HASH"] = SecretHash.Compute(secret!, "other", clientId) });
        var bySub = await RefreshAsync(clientId, token, extra: new() { ["SECRET_HASH"] = SecretHash.Compute(secret!, sub, clientId) });

        Assert.Equal("NotAuthorizedException", missing.ErrorType);
        Assert.Equal("NotAuthorizedException", wrong.ErrorType);
        Assert.Equal(HttpStatusCode.OK, bySub.Status);
    }

    [Trait("SecurityRowPart", "38")]
    [Fact]
    public async Task InitiateAuth_RefreshDisabledUser_UserDisabled()
    {
        var (pool, clientId, first) = await SignedInAsync("gone-off");
        await _client.CallAsync("AdminDisableUser", new { UserPoolId = pool, Username = "gone-off" });

        var response = await RefreshAsync(clientId, first["RefreshToken"]!.GetValue<string>());

        Assert.Equal("User is disabled.", response.Message);
    }

    [Fact]
    public async Task GetTokensFromRefreshToken_NoRotation_TokensWithoutRefreshToken()
    {
        var (_, clientId, first) = await SignedInAsync("gt-plain");

        var response = await GetTokensAsync(clientId, first["RefreshToken"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response["AuthenticationResult"]?["AccessToken"]);
        Assert.Null(response["AuthenticationResult"]?["RefreshToken"]);
    }

    [Fact]
    public async Task GetTokensFromRefreshToken_MissingMembers_InvalidParameter()
    {
        var response = await _client.CallAsync("GetTokensFromRefreshToken", new { ClientId = "abc" }, sign: false);

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task GetTokensFromRefreshToken_SecretClientWithoutSecret_NotAuthorized()
    {
        var (pool, clientId, secret) = await _client.PoolAndClientAsync(new JsonObject { ["GenerateSecret"] = true });
        await _client.CreateUserAsync(pool, "gt-secret");
        var signIn = await _client.PasswordAuthAsync(clientId, "gt-secret", AuthSetup.Password,
            SecretHash.Compute(secret!, "gt-secret", clientId));
        var token = signIn["AuthenticationResult"]!["RefreshToken"]!.GetValue<string>();

        var without = await GetTokensAsync(clientId, token);
        var with = await GetTokensAsync(clientId, token, secret);

        Assert.Equal("NotAuthorizedException", without.ErrorType);
        Assert.Equal(HttpStatusCode.OK, with.Status);
    }

    [Trait("SecurityRowPart", "36")]
    [Fact]
    public async Task GetTokensFromRefreshToken_Rotation_NewTokenAndOldOneRefusedAfterGrace()
    {
        var (_, clientId, first) = await SignedInAsync("rotor", Rotating(10));
        var old = first["RefreshToken"]!.GetValue<string>();

        var rotated = await GetTokensAsync(clientId, old);
        factory.Clock.Advance(TimeSpan.FromSeconds(9));
        var withinGrace = await GetTokensAsync(clientId, old);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var afterGrace = await GetTokensAsync(clientId, old);
        var next = await GetTokensAsync(clientId, rotated["AuthenticationResult"]!["RefreshToken"]!.GetValue<string>());

        var fresh = rotated["AuthenticationResult"]!["RefreshToken"]!.GetValue<string>();
        Assert.NotEqual(old, fresh);
        Assert.Equal(HttpStatusCode.OK, withinGrace.Status);
        Assert.Equal("RefreshTokenReuseException", afterGrace.ErrorType);
        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.Equal(
            TokenVerifier.Payload(first["AccessToken"]!.GetValue<string>())["origin_jti"]!.GetValue<string>(),
            TokenVerifier.Payload(next["AuthenticationResult"]!["AccessToken"]!.GetValue<string>())["origin_jti"]!.GetValue<string>());
    }

    [Trait("SecurityRowPart", "37")]
    [Fact]
    public async Task GetTokensFromRefreshToken_FiftyParallelUsesOfRotatedToken_ExactlyOneSucceeds()
    {
        var (_, clientId, first) = await SignedInAsync("stampede", Rotating(0));
        var token = first["RefreshToken"]!.GetValue<string>();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => GetTokensAsync(clientId, token)));

        Assert.Equal(1, responses.Count(r => r.Status == HttpStatusCode.OK));
        Assert.Equal(49, responses.Count(r => r.ErrorType == "RefreshTokenReuseException"));
    }

    [Fact]
    public async Task InitiateAuth_RefreshWithRotation_FlowNotEnabled()
    {
        var (_, clientId, first) = await SignedInAsync("rotor-ia", Rotating(0));
        var old = first["RefreshToken"]!.GetValue<string>();

        var response = await RefreshAsync(clientId, old);
        var rotated = await GetTokensAsync(clientId, old);

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal("REFRESH_TOKEN_AUTH flow not enabled for this client", response.Message);
        Assert.NotNull(rotated["AuthenticationResult"]?["RefreshToken"]);
    }

    [Fact]
    public async Task AdminInitiateAuth_RefreshWithRotation_FlowNotEnabled()
    {
        var (pool, clientId, first) = await SignedInAsync("rotor-admin", Rotating(0));
        var parameters = new Dictionary<string, string> { ["REFRESH_TOKEN"] = first["RefreshToken"]!.GetValue<string>() };

        var response = await _client.CallAsync("AdminInitiateAuth",
            new { UserPoolId = pool, ClientId = clientId, AuthFlow = "REFRESH_TOKEN_AUTH", AuthParameters = parameters });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task GetTokensFromRefreshToken_RotationDisabledExplicitly_NoNewRefreshToken()
    {
        var settings = new JsonObject
        {
            ["RefreshTokenRotation"] = new JsonObject { ["Feature"] = "DISABLED", ["RetryGracePeriodSeconds"] = 30 },
        };
        var (_, clientId, first) = await SignedInAsync("rotor-off", settings);
        var token = first["RefreshToken"]!.GetValue<string>();

        var once = await GetTokensAsync(clientId, token);
        var twice = await GetTokensAsync(clientId, token);

        Assert.Null(once["AuthenticationResult"]?["RefreshToken"]);
        Assert.Equal(HttpStatusCode.OK, twice.Status);
    }
}
