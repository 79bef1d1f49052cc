using System.Net;
using Gatehouse.ApiTests.Tokens;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Auth;

public sealed class SignInTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    [Trait("SecurityRowPart", "71")]
    [Fact]
    public async Task InitiateAuth_UserSrpAuth_EndToEndReturnsVerifiableTokens()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync();
        await _client.CreateUserAsync(pool, "srp-user", AuthSetup.Password, ("email", "srp@example.com"));

        var response = await _client.SrpAuthAsync(factory, pool, clientId, "srp-user", AuthSetup.Password);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var result = response["AuthenticationResult"]!;
        Assert.Equal("Bearer", result["TokenType"]!.GetValue<string>());
        Assert.Equal(3600, result["ExpiresIn"]!.GetValue<int>());
        Assert.StartsWith("ghr1.", result["RefreshToken"]!.GetValue<string>(), StringComparison.Ordinal);
        var now = factory.Clock.GetUtcNow();
        var id = await TokenVerifier.VerifyAsync(_client, pool, result["IdToken"]!.GetValue<string>(), now, clientId);
        var access = await TokenVerifier.VerifyAsync(_client, pool, result["AccessToken"]!.GetValue<string>(), now);
        Assert.Equal("id", id.GetClaim("token_use").Value);
        Assert.Equal("access", access.GetClaim("token_use").Value);
        Assert.NotEqual(id.Kid, access.Kid);
        Assert.Equal("srp-user", id.GetClaim("cognito:username").Value);
        Assert.Equal("srp-user", access.GetClaim("username").Value);
    }

    [Fact]
    public async Task InitiateAuth_UserPasswordAuth_ReturnsTokens()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync();
        await _client.CreateUserAsync(pool, "pw-user");

        var response = await _client.PasswordAuthAsync(clientId, "pw-user", AuthSetup.Password);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response["AuthenticationResult"]?["AccessToken"]);
        Assert.Empty(response["ChallengeParameters"]!.AsObject());
    }

    [Trait("SecurityRow", "72")]
    [Fact]
    public async Task InitiateAuth_SrpWrongPassword_ReturnsNotAuthorized()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync();
        await _client.CreateUserAsync(pool, "srp-wrong");

        var response = await _client.SrpAuthAsync(factory, pool, clientId, "srp-wrong", "Wrong0ne!x");

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal("Incorrect username or password.", response.Message);
    }
}
