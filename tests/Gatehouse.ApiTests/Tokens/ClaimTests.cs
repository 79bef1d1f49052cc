using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Tokens;

public sealed class ClaimTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    private async Task<(string ClientId, JsonNode Result)> SignedInAsync(string user, JsonObject? client = null)
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync(client, new JsonObject
        {
            ["Schema"] = new JsonArray(new JsonObject { ["Name"] = "tier", ["AttributeDataType"] = "Number", ["Mutable"] = true }),
        });
        await _client.CreateUserAsync(pool, user, AuthSetup.Password,
            ("email", $"{user}@example.com"), ("email_verified", "true"), ("custom:tier", "3"));
        await _client.CallAsync("CreateGroup", new { UserPoolId = pool, GroupName = "admins", Precedence = 1 });
        await _client.CallAsync("CreateGroup", new { UserPoolId = pool, GroupName = "readers", Precedence = 5 });
        await _client.CallAsync("AdminAddUserToGroup", new { UserPoolId = pool, Username = user, GroupName = "readers" });
        await _client.CallAsync("AdminAddUserToGroup", new { UserPoolId = pool, Username = user, GroupName = "admins" });
        var response = await _client.PasswordAuthAsync(clientId, user, AuthSetup.Password);
        return (clientId, response["AuthenticationResult"]!);
    }

    [Trait("SecurityRowPart", "22")]
    [Fact]
    public async Task IdToken_CognitoClaimSetWithTypedAttributes()
    {
        var (clientId, result) = await SignedInAsync("claims");

        var id = TokenVerifier.Payload(result["IdToken"]!.GetValue<string>());

        Assert.Equal(clientId, id["aud"]!.GetValue<string>());
        Assert.Equal("id", id["token_use"]!.GetValue<string>());
        Assert.Equal("claims", id["cognito:username"]!.GetValue<string>());
        Assert.Equal(JsonValueKind.True, id["email_verified"]!.GetValueKind());
        Assert.Equal(JsonValueKind.String, id["custom:tier"]!.GetValueKind());
        Assert.Equal(["admins", "readers"], id["cognito:groups"]!.AsArray().Select(g => g!.GetValue<string>()));
        foreach (var claim in new[] { "sub", "iss", "origin_jti", "event_id", "auth_time", "iat", "exp", "jti" })
        {
            Assert.NotNull(id[claim]);
        }

        Assert.Equal(3600, id["exp"]!.GetValue<long>() - id["iat"]!.GetValue<long>());
    }

    [Trait("SecurityRowPart", "22")]
    [Fact]
    public async Task AccessToken_CognitoClaimSetWithoutAud()
    {
        var (clientId, result) = await SignedInAsync("access");

        var access = TokenVerifier.Payload(result["AccessToken"]!.GetValue<string>());
        var id = TokenVerifier.Payload(result["IdToken"]!.GetValue<string>());

        Assert.Null(access["aud"]);
        Assert.Null(access["email"]);
        Assert.Equal(clientId, access["client_id"]!.GetValue<string>());
        Assert.Equal("access", access["token_use"]!.GetValue<string>());
        Assert.Equal("aws.cognito.signin.user.admin", access["scope"]!.GetValue<string>());
        Assert.Equal("access", access["username"]!.GetValue<string>());
        Assert.Equal(2, access["version"]!.GetValue<int>());
        Assert.Equal(id["origin_jti"]!.GetValue<string>(), access["origin_jti"]!.GetValue<string>());
        Assert.Equal(id["event_id"]!.GetValue<string>(), access["event_id"]!.GetValue<string>());
        Assert.NotEqual(id["jti"]!.GetValue<string>(), access["jti"]!.GetValue<string>());
    }

    [Fact]
    public async Task IdToken_ReadAttributesAndValidity_FromClient()
    {
        var (_, result) = await SignedInAsync("limited", new JsonObject
        {
            ["ReadAttributes"] = new JsonArray("email"),
            ["IdTokenValidity"] = 5,
            ["AccessTokenValidity"] = 10,
            ["TokenValidityUnits"] = new JsonObject { ["IdToken"] = "minutes", ["AccessToken"] = "minutes" },
        });

        var id = TokenVerifier.Payload(result["IdToken"]!.GetValue<string>());

        Assert.NotNull(id["email"]);
        Assert.Null(id["email_verified"]);
        Assert.Null(id["custom:tier"]);
        Assert.Equal(300, id["exp"]!.GetValue<long>() - id["iat"]!.GetValue<long>());
        Assert.Equal(600, result["ExpiresIn"]!.GetValue<int>());
    }
}
