using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Tokens;

public sealed class GetUserTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    private async Task<(string Pool, JsonNode Result)> SignedInAsync(string user, JsonObject? client = null)
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync(client);
        await _client.CreateUserAsync(pool, user, AuthSetup.Password, ("email", $"{user}@example.com"), ("given_name", "Gi"));
        var response = await _client.PasswordAuthAsync(clientId, user, AuthSetup.Password);
        return (pool, response["AuthenticationResult"]!);
    }

    private Task<AwsResponse> GetUserAsync(string accessToken) =>
        _client.CallAsync("GetUser", new { AccessToken = accessToken }, sign: false);

    [Fact]
    public async Task GetUser_ValidAccessToken_ReturnsUsernameAndAttributes()
    {
        var (_, result) = await SignedInAsync("me");

        var response = await GetUserAsync(result["AccessToken"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("me", response["Username"]!.GetValue<string>());
        var names = response["UserAttributes"]!.AsArray().Select(a => a!["Name"]!.GetValue<string>()).ToList();
        Assert.Contains("sub", names);
        Assert.Contains("email", names);
    }

    [Fact]
    public async Task GetUser_ReadAttributesLimit_OnlyThoseAndSub()
    {
        var (_, result) = await SignedInAsync("limited", new JsonObject { ["ReadAttributes"] = new JsonArray("email") });

        var response = await GetUserAsync(result["AccessToken"]!.GetValue<string>());

        var names = response["UserAttributes"]!.AsArray().Select(a => a!["Name"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(["email", "sub"], names);
    }

    [Trait("SecurityRowPart", "20")]
    [Fact]
    public async Task GetUser_Expiry_OneSecondBeforeWorksAtExpiryFails()
    {
        var (_, result) = await SignedInAsync("expiring");
        var token = result["AccessToken"]!.GetValue<string>();
        var exp = TokenVerifier.Payload(token)["exp"]!.GetValue<long>();

        factory.Clock.AdjustTime(DateTimeOffset.FromUnixTimeSeconds(exp - 1));
        var before = await GetUserAsync(token);
        factory.Clock.AdjustTime(DateTimeOffset.FromUnixTimeSeconds(exp));
        var at = await GetUserAsync(token);

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal("NotAuthorizedException", at.ErrorType);
        Assert.Equal("Access Token has expired", at.Message);
    }

    [Trait("SecurityRowPart", "21")]
    [Fact]
    public async Task GetUser_IdTokenInsteadOfAccessToken_NotAuthorized()
    {
        var (_, result) = await SignedInAsync("idtoken");

        var response = await GetUserAsync(result["IdToken"]!.GetValue<string>());

        Assert.Equal("NotAuthorizedException", response.ErrorType);
    }

    [Trait("SecurityRowPart", "16")]
    [Trait("SecurityRowPart", "19")]
    [Theory]
    [InlineData("garbage")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.")]
    public async Task GetUser_MalformedToken_NotAuthorized(string token)
    {
        var response = await GetUserAsync(token);

        Assert.Equal("NotAuthorizedException", response.ErrorType);
    }

    [Trait("SecurityRowPart", "19")]
    [Fact]
    public async Task GetUser_TamperedSignature_NotAuthorized()
    {
        var (_, result) = await SignedInAsync("tampered");
        var parts = result["AccessToken"]!.GetValue<string>().Split('.');
        var payload = TokenVerifier.Payload(result["AccessToken"]!.GetValue<string>());
        payload["username"] = "someone-else";
        var forged = $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";

        var response = await GetUserAsync(forged);

        Assert.Equal("NotAuthorizedException", response.ErrorType);
    }

    [Fact]
    public async Task GetUser_DisabledOrDeletedUser_Errors()
    {
        var (pool, result) = await SignedInAsync("vanishing");
        var token = result["AccessToken"]!.GetValue<string>();

        await _client.CallAsync("AdminDisableUser", new { UserPoolId = pool, Username = "vanishing" });
        var disabled = await GetUserAsync(token);
        await _client.CallAsync("AdminDeleteUser", new { UserPoolId = pool, Username = "vanishing" });
        var deleted = await GetUserAsync(token);

        Assert.Equal("User is disabled.", disabled.Message);
        Assert.Equal("NotAuthorizedException", deleted.ErrorType);
    }
}
