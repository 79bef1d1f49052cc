using System.Text.Json.Nodes;
using Gatehouse.ApiTests.Tokens;
using Gatehouse.ApiTests.Triggers;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.TokenTriggers;

public sealed class PreTokenGenerationTests : IAsyncLifetime
{
    private const string Arn = "arn:aws:lambda:us-east-1:123456789012:function:pretoken";
    private FunctionStandIn _function = null!;
    private GatehouseFactory _factory = null!;
    private AwsApiClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _function = await FunctionStandIn.StartAsync(TestContext.Current.CancellationToken);
        _factory = new GatehouseFactory()
            .WithSetting("Gatehouse:Triggers:SigningKey", "pre-token-generation-tests-signing-key-0123456789")
            .WithSetting("Gatehouse:Triggers:Functions:0:Function", Arn)
            .WithSetting("Gatehouse:Triggers:Functions:0:Url", _function.BaseUrl + "/fn");
        _client = _factory.CreateAwsClient();
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _function.DisposeAsync();
    }

    private async Task<(string Pool, string ClientId)> PoolAsync(string version, JsonObject? client = null)
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync(client, new JsonObject
        {
            ["LambdaConfig"] = new JsonObject
            {
                ["PreTokenGenerationConfig"] = new JsonObject { ["LambdaVersion"] = version, ["LambdaArn"] = Arn },
            },
        });
        await _client.CreateUserAsync(pool, "ada", AuthSetup.Password, ("email", "ada@example.com"));
        await _client.CallAsync("CreateGroup", new { UserPoolId = pool, GroupName = "staff", Precedence = 1 });
        await _client.CallAsync("AdminAddUserToGroup", new { UserPoolId = pool, Username = "ada", GroupName = "staff" });
        return (pool, clientId);
    }

    [Fact]
    public async Task PasswordAuth_V1_EventShapeAndIdTokenClaimsChanged()
    {
        var (_, clientId) = await PoolAsync("V1_0");
        _function.Answer = FunctionStandIn.Edit(e =>
        {
            e["response"] = JsonNode.Parse("""
                {"claimsOverrideDetails":{"claimsToAddOrOverride":{"tenant":"acme","sub":"forged","email":"x@y.z"},
                 "claimsToSuppress":["email_verified","iss"],
                 "groupOverrideDetails":{"groupsToOverride":["vip"],"iamRolesToOverride":[],"preferredRole":null}}}
                """);
        });

        var result = (await _client.PasswordAuthAsync(clientId, "ada", AuthSetup.Password))["AuthenticationResult"]!;

        var sent = Assert.Single(_function.Calls).Event;
        Assert.Equal("TokenGeneration_Authentication", sent["triggerSource"]!.GetValue<string>());
        Assert.Equal("1", sent["version"]!.GetValue<string>());
        Assert.Equal("ada", sent["userName"]!.GetValue<string>());
        Assert.Equal("ada@example.com", sent["request"]!["userAttributes"]!["email"]!.GetValue<string>());
        Assert.Equal("staff", sent["request"]!["groupConfiguration"]!["groupsToOverride"]![0]!.GetValue<string>());
        Assert.Null(sent["request"]!["scopes"]);
        var id = TokenVerifier.Payload(result["IdToken"]!.GetValue<string>());
        Assert.Equal("acme", id["tenant"]!.GetValue<string>());
        Assert.Equal("x@y.z", id["email"]!.GetValue<string>());
        Assert.NotEqual("forged", id["sub"]!.GetValue<string>());
        Assert.NotNull(id["iss"]);
        Assert.Null(id["email_verified"]);
        Assert.Equal(["vip"], id["cognito:groups"]!.AsArray().Select(g => g!.GetValue<string>()));
        var access = TokenVerifier.Payload(result["AccessToken"]!.GetValue<string>());
        Assert.Null(access["tenant"]);
        Assert.Equal(["vip"], access["cognito:groups"]!.AsArray().Select(g => g!.GetValue<string>()));
    }

    [Fact]
    public async Task PasswordAuth_V2_AccessTokenClaimsAndScopes()
    {
        var (_, clientId) = await PoolAsync("V2_0");
        _function.Answer = FunctionStandIn.Edit(e =>
        {
            e["response"] = JsonNode.Parse("""
                {"claimsAndScopeOverrideDetails":{
                  "idTokenGeneration":{"claimsToAddOrOverride":{"plan":{"tier":3,"trial":false}}},
                  "accessTokenGeneration":{"claimsToAddOrOverride":{"level":7,"client_id":"other"},
                    "scopesToAdd":["api/read","aws.cognito.signin.user.admin"],"scopesToSuppress":[]}}}
                """);
        });

        var result = (await _client.PasswordAuthAsync(clientId, "ada", AuthSetup.Password))["AuthenticationResult"]!;

        var sent = Assert.Single(_function.Calls).Event;
        Assert.Equal("2", sent["version"]!.GetValue<string>());
        Assert.Equal("aws.cognito.signin.user.admin", sent["request"]!["scopes"]![0]!.GetValue<string>());
        var id = TokenVerifier.Payload(result["IdToken"]!.GetValue<string>());
        Assert.Equal(3, id["plan"]!["tier"]!.GetValue<int>());
        var access = TokenVerifier.Payload(result["AccessToken"]!.GetValue<string>());
        Assert.Equal(7, access["level"]!.GetValue<int>());
        Assert.Equal(clientId, access["client_id"]!.GetValue<string>());
        Assert.Equal("aws.cognito.signin.user.admin api/read", access["scope"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refresh_SourceIsRefreshTokens_AndFailureLeavesTokenUsable()
    {
        var (_, clientId) = await PoolAsync("V1_0");
        var refresh = (await _client.PasswordAuthAsync(clientId, "ada", AuthSetup.Password))
            ["AuthenticationResult"]!["RefreshToken"]!.GetValue<string>();
        _function.Answer = (context, _) => FunctionStandIn.Json(context, """{"errorMessage":"nope","errorType":"Error"}""", 400);

        var failed = await _client.CallAsync("GetTokensFromRefreshToken", new { ClientId = clientId, RefreshToken = refresh }, sign: false);

        Assert.Equal("UserLambdaValidationException", failed.ErrorType);
        _function.Answer = FunctionStandIn.Edit(_ => { });
        var again = await _client.CallAsync("GetTokensFromRefreshToken", new { ClientId = clientId, RefreshToken = refresh }, sign: false);
        Assert.Null(again.ErrorType);
        Assert.Equal("TokenGeneration_RefreshTokens", _function.Calls.Last().Event["triggerSource"]!.GetValue<string>());
    }

    [Fact]
    public async Task PasswordAuth_WrongFieldType_InvalidLambdaResponse()
    {
        var (_, clientId) = await PoolAsync("V1_0");
        _function.Answer = FunctionStandIn.Edit(e =>
        {
            e["response"] = JsonNode.Parse("""{"claimsOverrideDetails":{"claimsToAddOrOverride":{"n":5}}}""");
        });

        var response = await _client.PasswordAuthAsync(clientId, "ada", AuthSetup.Password);

        Assert.Equal("InvalidLambdaResponseException", response.ErrorType);
    }

    [Fact]
    public async Task PasswordAuth_NotJson_InvalidLambdaResponse()
    {
        var (_, clientId) = await PoolAsync("V2_0");
        _function.Answer = (context, _) => FunctionStandIn.Json(context, "not json at all");

        var response = await _client.PasswordAuthAsync(clientId, "ada", AuthSetup.Password);

        Assert.Equal("InvalidLambdaResponseException", response.ErrorType);
        Assert.Null(response.Body["AuthenticationResult"]);
    }
}
