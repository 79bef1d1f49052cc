using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Tokens;

public sealed class RevocationTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    private async Task<(string Pool, string ClientId, string? Secret, JsonNode Result)> SignedInAsync(
        string user, JsonObject? client = null)
    {
        var (pool, clientId, secret) = await _client.PoolAndClientAsync(client);
        await _client.CreateUserAsync(pool, user);
        var response = await _client.PasswordAuthAsync(clientId, user, AuthSetup.Password,
            secret is null ? null : Gatehouse.Server.Auth.SecretHash.Compute(secret, user, clientId));
        return (pool, clientId, secret, response["AuthenticationResult"]!);
    }

    private Task<AwsResponse> GetUserAsync(string accessToken) =>
        _client.CallAsync("GetUser", new { AccessToken = accessToken }, sign: false);

    private Task<AwsResponse> RefreshAsync(string clientId, string token) =>
        _client.CallAsync("InitiateAuth", new
        {
            AuthFlow = "REFRESH_TOKEN_AUTH",
            ClientId = clientId,
            AuthParameters = new Dictionary<string, string> { ["REFRESH_TOKEN"] = token },
        }, sign: false);

    [Trait("SecurityRow", "24")]
    [Fact]
    public async Task RevokeToken_RevokesRefreshTokenAndItsAccessTokens()
    {
        var (pool, clientId, _, result) = await SignedInAsync("revoked");
        var other = await _client.PasswordAuthAsync(clientId, "revoked", AuthSetup.Password);

        var revoke = await _client.CallAsync("RevokeToken",
            new { ClientId = clientId, Token = result["RefreshToken"]!.GetValue<string>() }, sign: false);

        Assert.Equal("{}", revoke.Text);
        var refresh = await RefreshAsync(clientId, result["RefreshToken"]!.GetValue<string>());
        Assert.Equal("Refresh Token has been revoked", refresh.Message);
        var getUser = await GetUserAsync(result["AccessToken"]!.GetValue<string>());
        Assert.Equal("NotAuthorizedException", getUser.ErrorType);
        Assert.Equal("Access Token has been revoked", getUser.Message);
        // Another session of the same user is not affected.
        var stillValid = await GetUserAsync(other["AuthenticationResult"]!["AccessToken"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, stillValid.Status);
        _ = pool;
    }

    [Fact]
    public async Task RevokeToken_RevocationDisabled_UnsupportedOperation()
    {
        var (_, clientId, _, result) = await SignedInAsync("norevoke", new JsonObject { ["EnableTokenRevocation"] = false });

        var response = await _client.CallAsync("RevokeToken",
            new { ClientId = clientId, Token = result["RefreshToken"]!.GetValue<string>() }, sign: false);

        Assert.Equal("UnsupportedOperationException", response.ErrorType);
    }

    [Fact]
    public async Task RevokeToken_AccessTokenGiven_UnsupportedTokenType()
    {
        var (_, clientId, _, result) = await SignedInAsync("wrongtype");

        var response = await _client.CallAsync("RevokeToken",
            new { ClientId = clientId, Token = result["AccessToken"]!.GetValue<string>() }, sign: false);

        Assert.Equal("UnsupportedTokenTypeException", response.ErrorType);
    }

    [Fact]
    public async Task RevokeToken_SecretClientWrongSecret_Unauthorized()
    {
        var (_, clientId, secret, result) = await SignedInAsync("secretrevoke", new JsonObject { ["GenerateSecret"] = true });
        var token = result["RefreshToken"]!.GetValue<string>();

        var wrong = await _client.CallAsync("RevokeToken", new { ClientId = clientId, Token = token, ClientSecret = "wrongsecret" }, sign: false);
        var right = await _client.CallAsync("RevokeToken", new { ClientId = clientId, Token = token, ClientSecret = secret }, sign: false);

        Assert.Equal("UnauthorizedException", wrong.ErrorType);
        Assert.Equal("{}", right.Text);
    }

    [Fact]
    public async Task RevokeToken_UnknownRefreshToken_Succeeds()
    {
        var (_, clientId, _) = await _client.PoolAndClientAsync();

        var response = await _client.CallAsync("RevokeToken",
            new { ClientId = clientId, Token = "ghr1." + new string('A', 86) }, sign: false);

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Trait("SecurityRow", "24")]
    [Fact]
    public async Task GlobalSignOut_RevokesEveryTokenIssuedBefore_NewSignInWorks()
    {
        var (_, clientId, _, result) = await SignedInAsync("everywhere");
        var second = (await _client.PasswordAuthAsync(clientId, "everywhere", AuthSetup.Password))["AuthenticationResult"]!;

        var signOut = await _client.CallAsync("GlobalSignOut", new { AccessToken = result["AccessToken"]!.GetValue<string>() }, sign: false);

        Assert.Equal("{}", signOut.Text);
        Assert.Equal("Access Token has been revoked", (await GetUserAsync(second["AccessToken"]!.GetValue<string>())).Message);
        Assert.Equal("Refresh Token has been revoked", (await RefreshAsync(clientId, second["RefreshToken"]!.GetValue<string>())).Message);
        var again = (await _client.PasswordAuthAsync(clientId, "everywhere", AuthSetup.Password))["AuthenticationResult"]!;
        Assert.Equal(HttpStatusCode.OK, (await GetUserAsync(again["AccessToken"]!.GetValue<string>())).Status);
    }

    [Fact]
    public async Task AdminUserGlobalSignOut_RevokesAccessAndRefreshTokens()
    {
        var (pool, clientId, _, result) = await SignedInAsync("admin-out");

        var response = await _client.CallAsync("AdminUserGlobalSignOut", new { UserPoolId = pool, Username = "admin-out" });

        Assert.Equal("{}", response.Text);
        Assert.Equal("Access Token has been revoked", (await GetUserAsync(result["AccessToken"]!.GetValue<string>())).Message);
        Assert.Equal("Refresh Token has been revoked", (await RefreshAsync(clientId, result["RefreshToken"]!.GetValue<string>())).Message);
    }

    [Fact]
    public async Task AdminUserGlobalSignOut_UnknownUserOrPool_Errors()
    {
        var pool = await _client.CreatePoolIdAsync();

        var user = await _client.CallAsync("AdminUserGlobalSignOut", new { UserPoolId = pool, Username = "ghost" });
        var noPool = await _client.CallAsync("AdminUserGlobalSignOut", new { UserPoolId = "us-east-1_nopool123", Username = "ghost" });

        Assert.Equal("UserNotFoundException", user.ErrorType);
        Assert.Equal("ResourceNotFoundException", noPool.ErrorType);
    }
}
