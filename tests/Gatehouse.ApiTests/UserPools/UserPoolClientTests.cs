using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.UserPools;

public sealed class UserPoolClientTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private static readonly string[] MissingAttribute = ["custom:none"];
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    private static JsonObject Json(string text) => JsonNode.Parse(text)?.AsObject() ?? throw new ArgumentException(text);

    private async Task<AwsResponse> CreateAsync(string poolId, string settings)
    {
        var body = Json(settings);
        body["UserPoolId"] = poolId;
        body["ClientName"] ??= "c";
        return await _client.SendAsync("CreateUserPoolClient", body.ToJsonString());
    }

    [Fact]
    public async Task CreateUserPoolClient_NameOnly_CognitoDefaultsAndNoSecret()
    {
        var poolId = await _client.CreatePoolIdAsync();

        var client = await _client.CreateClientAsync(poolId, Json("""{"ClientName":"web"}"""));

        Assert.Matches("^[a-z0-9]{26}$", client["ClientId"]?.GetValue<string>());
        Assert.Equal(poolId, client["UserPoolId"]?.GetValue<string>());
        Assert.Equal("web", client["ClientName"]?.GetValue<string>());
        Assert.Null(client["ClientSecret"]);
        Assert.Equal(60, client["AccessTokenValidity"]?.GetValue<int>());
        Assert.Equal(60, client["IdTokenValidity"]?.GetValue<int>());
        Assert.Equal(30, client["RefreshTokenValidity"]?.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(
            Json("""{"AccessToken":"minutes","IdToken":"minutes","RefreshToken":"days"}"""), client["TokenValidityUnits"]));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""["ALLOW_REFRESH_TOKEN_AUTH","ALLOW_USER_SRP_AUTH","ALLOW_CUSTOM_AUTH"]"""), client["ExplicitAuthFlows"]));
        Assert.Equal("LEGACY", client["PreventUserExistenceErrors"]?.GetValue<string>());
        Assert.True(client["EnableTokenRevocation"]?.GetValue<bool>());
        Assert.False(client["EnablePropagateAdditionalUserContextData"]?.GetValue<bool>());
        Assert.False(client["AllowedOAuthFlowsUserPoolClient"]?.GetValue<bool>());
        Assert.Equal(3, client["AuthSessionValidity"]?.GetValue<int>());
        Assert.NotNull(client["CreationDate"]);
        Assert.Null(client["ReadAttributes"]);
    }

    [Fact]
    public async Task CreateUserPoolClient_GenerateSecret_SecretReturnedByCreateAndDescribeNeverByList()
    {
        var poolId = await _client.CreatePoolIdAsync();

        var client = await _client.CreateClientAsync(poolId, Json("""{"GenerateSecret":true}"""));
        var clientId = client["ClientId"]?.GetValue<string>();
        var described = await _client.CallAsync("DescribeUserPoolClient", new { UserPoolId = poolId, ClientId = clientId });
        var listed = await _client.CallAsync("ListUserPoolClients", new { UserPoolId = poolId, MaxResults = 10 });

        var secret = client["ClientSecret"]?.GetValue<string>();
        Assert.Matches("^[a-z0-9]{51}$", secret);
        Assert.Equal(secret, described["UserPoolClient"]?["ClientSecret"]?.GetValue<string>());
        Assert.DoesNotContain(secret!, listed.Text, StringComparison.Ordinal); // Matched the pattern above.
        Assert.DoesNotContain("ClientSecret", listed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUserPoolClient_AllSettings_RoundTrip()
    {
        var poolId = await _client.CreatePoolIdAsync(Json("""{"Schema":[{"Name":"tenant","AttributeDataType":"String"}]}"""));
        var settings = Json("""
            {"ClientName":"full","RefreshTokenValidity":90,"AccessTokenValidity":2,"IdTokenValidity":30,
             "TokenValidityUnits":{"AccessToken":"hours","IdToken":"minutes","RefreshToken":"days"},
             "ReadAttributes":["email","custom:tenant","email_verified"],"WriteAttributes":["email","custom:tenant"],
             "ExplicitAuthFlows":["ALLOW_USER_PASSWORD_AUTH","ALLOW_REFRESH_TOKEN_AUTH"],
             "SupportedIdentityProviders":["COGNITO"],
             "CallbackURLs":["https://app.example.com/cb","http://localhost:3000/cb","myapp://cb"],
             "LogoutURLs":["https://app.example.com/bye"],"DefaultRedirectURI":"https://app.example.com/cb",
             "AllowedOAuthFlows":["code","implicit"],"AllowedOAuthScopes":["openid","email","profile"],
             "AllowedOAuthFlowsUserPoolClient":true,"PreventUserExistenceErrors":"ENABLED",
             "EnableTokenRevocation":false,"EnablePropagateAdditionalUserContextData":true,"AuthSessionValidity":10}
            """);
        settings["GenerateSecret"] = true;

        var client = await _client.CreateClientAsync(poolId, settings.DeepClone().AsObject());
        var described = (await _client.CallAsync("DescribeUserPoolClient",
            new { UserPoolId = poolId, ClientId = client["ClientId"]?.GetValue<string>() }))["UserPoolClient"];

        foreach (var (key, value) in settings)
        {
            if (key is "GenerateSecret")
            {
                continue;
            }

            Assert.True(JsonNode.DeepEquals(value, described?[key]), $"{key}: sent {value?.ToJsonString()}, got {described?[key]?.ToJsonString()}");
        }
    }

    [Theory]
    [InlineData("""{"AccessTokenValidity":4,"TokenValidityUnits":{"AccessToken":"minutes"}}""")]
    [InlineData("""{"AccessTokenValidity":25}""")]
    [InlineData("""{"IdTokenValidity":299,"TokenValidityUnits":{"IdToken":"seconds"}}""")]
    [InlineData("""{"RefreshTokenValidity":59,"TokenValidityUnits":{"RefreshToken":"minutes"}}""")]
    [InlineData("""{"RefreshTokenValidity":3651}""")]
    [InlineData("""{"ExplicitAuthFlows":["ADMIN_NO_SRP_AUTH","ALLOW_USER_SRP_AUTH"]}""")]
    [InlineData("""{"ReadAttributes":["custom:missing"]}""")]
    [InlineData("""{"WriteAttributes":["sub"]}""")]
    [InlineData("""{"WriteAttributes":["nope"]}""")]
    [InlineData("""{"SupportedIdentityProviders":["Google"]}""")]
    [InlineData("""{"CallbackURLs":["http://app.example.com/cb"]}""")]
    [InlineData("""{"CallbackURLs":["https://app.example.com/cb#frag"]}""")]
    [InlineData("""{"CallbackURLs":["/relative"]}""")]
    [InlineData("""{"CallbackURLs":["https://a.example.com"],"DefaultRedirectURI":"https://b.example.com"}""")]
    [InlineData("""{"AllowedOAuthFlows":["code"],"AllowedOAuthScopes":["openid"],"AllowedOAuthFlowsUserPoolClient":true}""")]
    [InlineData("""{"EnablePropagateAdditionalUserContextData":true}""")]
    public async Task CreateUserPoolClient_InvalidSetting_InvalidParameter(string settings)
    {
        var poolId = await _client.CreatePoolIdAsync();

        var response = await CreateAsync(poolId, settings);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Theory]
    [InlineData("""{"AllowedOAuthFlowsUserPoolClient":true}""")]
    [InlineData("""{"AllowedOAuthFlowsUserPoolClient":true,"AllowedOAuthFlows":["code"]}""")]
    [InlineData("""{"GenerateSecret":true,"AllowedOAuthFlows":["client_credentials","code"],"AllowedOAuthScopes":["openid"],"CallbackURLs":["https://a.example.com"],"AllowedOAuthFlowsUserPoolClient":true}""")]
    [InlineData("""{"AllowedOAuthFlows":["client_credentials"],"AllowedOAuthScopes":["openid"],"AllowedOAuthFlowsUserPoolClient":true}""")]
    public async Task CreateUserPoolClient_InvalidOAuthFlows_InvalidOAuthFlow(string settings)
    {
        var poolId = await _client.CreatePoolIdAsync();

        var response = await CreateAsync(poolId, settings);

        Assert.Equal("InvalidOAuthFlowException", response.ErrorType);
    }

    [Fact]
    public async Task CreateUserPoolClient_UnknownScope_ScopeDoesNotExist()
    {
        var poolId = await _client.CreatePoolIdAsync();

        var response = await CreateAsync(poolId,
            """{"AllowedOAuthFlows":["code"],"AllowedOAuthScopes":["api/read"],"CallbackURLs":["https://a.example.com"],"AllowedOAuthFlowsUserPoolClient":true}""");

        Assert.Equal("ScopeDoesNotExistException", response.ErrorType);
    }

    [Fact]
    public async Task CreateUserPoolClient_UnknownPool_ResourceNotFound()
    {
        var response = await CreateAsync("us-east-1_nope12345", "{}");

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
        Assert.Equal("User pool us-east-1_nope12345 does not exist.", response.Message);
    }

    [Fact]
    public async Task UpdateUserPoolClient_OmittedSettings_ResetToDefaultsKeepingNameAndSecret()
    {
        var poolId = await _client.CreatePoolIdAsync();
        var client = await _client.CreateClientAsync(poolId, Json("""
            {"ClientName":"keep","GenerateSecret":true,"AccessTokenValidity":2,"ExplicitAuthFlows":["ALLOW_USER_PASSWORD_AUTH"],
             "PreventUserExistenceErrors":"ENABLED","AuthSessionValidity":12}
            """));
        var clientId = client["ClientId"]?.GetValue<string>();

        var response = await _client.CallAsync("UpdateUserPoolClient", new { UserPoolId = poolId, ClientId = clientId, IdTokenValidity = 5 });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var updated = response["UserPoolClient"];
        Assert.Equal("keep", updated?["ClientName"]?.GetValue<string>());
        Assert.Equal(client["ClientSecret"]?.GetValue<string>(), updated?["ClientSecret"]?.GetValue<string>());
        Assert.Equal(60, updated?["AccessTokenValidity"]?.GetValue<int>());
        Assert.Equal(5, updated?["IdTokenValidity"]?.GetValue<int>());
        Assert.Equal("hours", updated?["TokenValidityUnits"]?["IdToken"]?.GetValue<string>());
        Assert.Equal(3, updated?["ExplicitAuthFlows"]?.AsArray().Count);
        Assert.Equal("LEGACY", updated?["PreventUserExistenceErrors"]?.GetValue<string>());
        Assert.Equal(3, updated?["AuthSessionValidity"]?.GetValue<int>());
    }

    [Fact]
    public async Task UpdateUserPoolClient_InvalidSetting_InvalidParameterAndUnchanged()
    {
        var poolId = await _client.CreatePoolIdAsync();
        var clientId = (await _client.CreateClientAsync(poolId, Json("""{"AuthSessionValidity":12}""")))["ClientId"]?.GetValue<string>();

        var response = await _client.CallAsync("UpdateUserPoolClient",
            new { UserPoolId = poolId, ClientId = clientId, ReadAttributes = MissingAttribute });
        var described = await _client.CallAsync("DescribeUserPoolClient", new { UserPoolId = poolId, ClientId = clientId });

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal("Invalid read attributes specified while updating a client", response.Message);
        Assert.Equal(12, described["UserPoolClient"]?["AuthSessionValidity"]?.GetValue<int>());
    }

    [Fact]
    public async Task CreateUserPoolClient_RefreshTokenRotation_StoredDescribedAndResetByUpdate()
    {
        var poolId = await _client.CreatePoolIdAsync();
        var created = await _client.CreateClientAsync(poolId, Json("""{"RefreshTokenRotation":{"Feature":"ENABLED"}}"""));
        var clientId = created["ClientId"]?.GetValue<string>();

        var described = await _client.CallAsync("DescribeUserPoolClient", new { UserPoolId = poolId, ClientId = clientId });
        var updated = await _client.CallAsync("UpdateUserPoolClient", new
        {
            UserPoolId = poolId,
            ClientId = clientId,
            RefreshTokenRotation = new { Feature = "DISABLED", RetryGracePeriodSeconds = 60 },
        });
        var omitted = await _client.CallAsync("UpdateUserPoolClient", new { UserPoolId = poolId, ClientId = clientId });

        var expected = Json("""{"Feature":"ENABLED","RetryGracePeriodSeconds":0}""");
        Assert.True(JsonNode.DeepEquals(expected, created["RefreshTokenRotation"]));
        Assert.True(JsonNode.DeepEquals(expected, described["UserPoolClient"]?["RefreshTokenRotation"]));
        Assert.True(JsonNode.DeepEquals(
            Json("""{"Feature":"DISABLED","RetryGracePeriodSeconds":60}"""), updated["UserPoolClient"]?["RefreshTokenRotation"]));
        Assert.Null(omitted["UserPoolClient"]?["RefreshTokenRotation"]);
    }

    [Theory]
    [InlineData("""{"Feature":"ENABLED","RetryGracePeriodSeconds":61}""")]
    [InlineData("""{"Feature":"ENABLED","RetryGracePeriodSeconds":-1}""")]
    [InlineData("""{"Feature":"ON"}""")]
    [InlineData("""{"RetryGracePeriodSeconds":10}""")]
    public async Task CreateUserPoolClient_InvalidRefreshTokenRotation_InvalidParameter(string rotation)
    {
        var poolId = await _client.CreatePoolIdAsync();

        var response = await CreateAsync(poolId, $$"""{"RefreshTokenRotation":{{rotation}}}""");

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Contains("refreshTokenRotation.", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeUserPoolClient_ClientOfAnotherPool_ResourceNotFound()
    {
        var poolA = await _client.CreatePoolIdAsync();
        var poolB = await _client.CreatePoolIdAsync();
        var clientId = (await _client.CreateClientAsync(poolA))["ClientId"]?.GetValue<string>();

        var response = await _client.CallAsync("DescribeUserPoolClient", new { UserPoolId = poolB, ClientId = clientId });

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
        Assert.Equal($"User pool client {clientId} does not exist.", response.Message);
    }

    [Fact]
    public async Task UpdateUserPoolClient_UnknownClient_ResourceNotFound()
    {
        var poolId = await _client.CreatePoolIdAsync();

        var response = await _client.CallAsync("UpdateUserPoolClient", new { UserPoolId = poolId, ClientId = "abcdefghijklmnopqrstuvwxyz" });

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task DeleteUserPoolClient_Existing_GoneAfterwards()
    {
        var poolId = await _client.CreatePoolIdAsync();
        var clientId = (await _client.CreateClientAsync(poolId))["ClientId"]?.GetValue<string>();

        var deleted = await _client.CallAsync("DeleteUserPoolClient", new { UserPoolId = poolId, ClientId = clientId });
        var again = await _client.CallAsync("DeleteUserPoolClient", new { UserPoolId = poolId, ClientId = clientId });

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal("ResourceNotFoundException", again.ErrorType);
    }

    [Fact]
    public async Task ListUserPoolClients_Paged_EveryClientOnceWithoutSecrets()
    {
        var poolId = await _client.CreatePoolIdAsync();
        var created = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 5; i++)
        {
            created.Add((await _client.CreateClientAsync(poolId, Json("""{"GenerateSecret":true}""")))["ClientId"]!.GetValue<string>()); // Created clients have ids.
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var response = await _client.CallAsync("ListUserPoolClients", new { UserPoolId = poolId, MaxResults = 2, NextToken = token });
            Assert.Equal(HttpStatusCode.OK, response.Status);
            var page = response["UserPoolClients"]!.AsArray(); // Present on every answer.
            Assert.InRange(page.Count, 1, 2);
            Assert.All(page, c => Assert.Null(c?["ClientSecret"]));
            seen.AddRange(page.Select(c => c!["ClientId"]!.GetValue<string>())); // Every description has an id.
            token = response["NextToken"]?.GetValue<string>();
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(created.Order(StringComparer.Ordinal), seen);
    }

    [Trait("SecurityRowPart", "89")]
    [Fact]
    public async Task ListUserPoolClients_TokenOfAnotherPool_InvalidParameter()
    {
        var poolA = await _client.CreatePoolIdAsync();
        var poolB = await _client.CreatePoolIdAsync();
        await _client.CreateClientAsync(poolA);
        await _client.CreateClientAsync(poolA);
        var first = await _client.CallAsync("ListUserPoolClients", new { UserPoolId = poolA, MaxResults = 1 });

        var response = await _client.CallAsync("ListUserPoolClients",
            new { UserPoolId = poolB, MaxResults = 1, NextToken = first["NextToken"]?.GetValue<string>() });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public async Task ListUserPoolClients_MaxResultsOutOfRange_InvalidParameter(int max)
    {
        var poolId = await _client.CreatePoolIdAsync();

        var response = await _client.CallAsync("ListUserPoolClients", new { UserPoolId = poolId, MaxResults = max });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task ListUserPoolClients_UnknownPool_ResourceNotFound()
    {
        var response = await _client.CallAsync("ListUserPoolClients", new { UserPoolId = "us-east-1_nope12345" });

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }
}
