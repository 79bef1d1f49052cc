using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.UserPools;

public sealed class ResourceServerTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private static readonly string[] ClientCredentials = ["client_credentials"];
    private static readonly string[] GoneRead = ["gone/read"];
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    private static object[] Scopes(params string[] names) =>
        [.. names.Select(n => new { ScopeName = n, ScopeDescription = "the " + n + " scope" })];

    private Task<AwsResponse> CreateAsync(string poolId, string identifier, object[]? scopes = null) =>
        _client.CallAsync("CreateResourceServer",
            new { UserPoolId = poolId, Identifier = identifier, Name = "api", Scopes = scopes ?? Scopes("read") });

    [Fact]
    public async Task CreateResourceServer_WithScopes_ReturnedByCreateDescribeAndList()
    {
        var poolId = await _client.CreatePoolIdAsync();

        var created = await CreateAsync(poolId, "https://api.example.com", Scopes("read", "write"));
        var described = await _client.CallAsync("DescribeResourceServer",
            new { UserPoolId = poolId, Identifier = "https://api.example.com" });
        var listed = await _client.CallAsync("ListResourceServers", new { UserPoolId = poolId, MaxResults = 10 });

        Assert.Equal(HttpStatusCode.OK, created.Status);
        var expected = JsonNode.Parse($$"""
            {"UserPoolId":"{{poolId}}","Identifier":"https://api.example.com","Name":"api","Scopes":[
             {"ScopeName":"read","ScopeDescription":"the read scope"},{"ScopeName":"write","ScopeDescription":"the write scope"}]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, created["ResourceServer"]));
        Assert.True(JsonNode.DeepEquals(expected, described["ResourceServer"]));
        Assert.True(JsonNode.DeepEquals(new JsonArray(expected!.DeepClone()), listed["ResourceServers"]));
        Assert.Null(listed["NextToken"]);
    }

    [Fact]
    public async Task CreateResourceServer_WithoutScopes_EmptyScopeList()
    {
        var poolId = await _client.CreatePoolIdAsync();

        var created = await _client.CallAsync("CreateResourceServer", new { UserPoolId = poolId, Identifier = "bare", Name = "n" });

        Assert.Equal(0, created["ResourceServer"]?["Scopes"]?.AsArray().Count);
    }

    [Fact]
    public async Task CreateResourceServer_TakenIdentifier_InvalidParameter()
    {
        var poolId = await _client.CreatePoolIdAsync();
        await CreateAsync(poolId, "orders");

        var again = await CreateAsync(poolId, "orders");
        var otherPool = await CreateAsync(await _client.CreatePoolIdAsync(), "orders");

        Assert.Equal("InvalidParameterException", again.ErrorType);
        Assert.Equal(HttpStatusCode.OK, otherPool.Status);
    }

    [Fact]
    public async Task CreateResourceServer_DuplicateScopeName_InvalidParameter()
    {
        var poolId = await _client.CreatePoolIdAsync();

        var response = await CreateAsync(poolId, "dupes", Scopes("read", "read"));

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal("ResourceNotFoundException",
            (await _client.CallAsync("DescribeResourceServer", new { UserPoolId = poolId, Identifier = "dupes" })).ErrorType);
    }

    [Theory]
    [InlineData("has space", "read")]
    [InlineData("quote\"d", "read")]
    [InlineData("ok", "slash/ed")]
    public async Task CreateResourceServer_PatternViolation_InvalidParameter(string identifier, string scope)
    {
        var poolId = await _client.CreatePoolIdAsync();

        var response = await CreateAsync(poolId, identifier, Scopes(scope));

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task CreateResourceServer_UnknownPool_ResourceNotFound()
    {
        var response = await CreateAsync("us-east-1_nope12345", "x");

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task CreateResourceServer_TwentySixth_LimitExceeded()
    {
        var poolId = await _client.CreatePoolIdAsync();
        for (var i = 0; i < 25; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await CreateAsync(poolId, $"rs{i:00}")).Status);
        }

        var response = await CreateAsync(poolId, "rs25");

        Assert.Equal("LimitExceededException", response.ErrorType);
    }

    [Fact]
    public async Task UpdateResourceServer_NewNameAndScopes_ReplacesBoth()
    {
        var poolId = await _client.CreatePoolIdAsync();
        await CreateAsync(poolId, "inventory", Scopes("read", "write"));

        var updated = await _client.CallAsync("UpdateResourceServer",
            new { UserPoolId = poolId, Identifier = "inventory", Name = "renamed", Scopes = Scopes("admin") });
        var emptied = await _client.CallAsync("UpdateResourceServer",
            new { UserPoolId = poolId, Identifier = "inventory", Name = "renamed" });

        Assert.Equal("renamed", updated["ResourceServer"]?["Name"]?.GetValue<string>());
        Assert.Equal("admin", updated["ResourceServer"]?["Scopes"]?[0]?["ScopeName"]?.GetValue<string>());
        Assert.Equal(1, updated["ResourceServer"]?["Scopes"]?.AsArray().Count);
        Assert.Equal(0, emptied["ResourceServer"]?["Scopes"]?.AsArray().Count);
    }

    [Fact]
    public async Task UpdateResourceServer_Unknown_ResourceNotFound()
    {
        var poolId = await _client.CreatePoolIdAsync();

        var response = await _client.CallAsync("UpdateResourceServer", new { UserPoolId = poolId, Identifier = "nope", Name = "n" });

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task DeleteResourceServer_Existing_GoneAndSecondDeleteNotFound()
    {
        var poolId = await _client.CreatePoolIdAsync();
        await CreateAsync(poolId, "temp");

        var deleted = await _client.CallAsync("DeleteResourceServer", new { UserPoolId = poolId, Identifier = "temp" });
        var again = await _client.CallAsync("DeleteResourceServer", new { UserPoolId = poolId, Identifier = "temp" });
        var described = await _client.CallAsync("DescribeResourceServer", new { UserPoolId = poolId, Identifier = "temp" });

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal("ResourceNotFoundException", again.ErrorType);
        Assert.Equal("ResourceNotFoundException", described.ErrorType);
    }

    [Fact]
    public async Task ListResourceServers_Pages_EveryServerOnceInIdentifierOrder()
    {
        var poolId = await _client.CreatePoolIdAsync();
        string[] identifiers = ["c", "a", "e", "b", "d"];
        foreach (var identifier in identifiers)
        {
            await CreateAsync(poolId, identifier);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _client.CallAsync("ListResourceServers", new { UserPoolId = poolId, MaxResults = 2, NextToken = token });
            seen.AddRange(page["ResourceServers"]!.AsArray().Select(r => r!["Identifier"]!.GetValue<string>()));
            token = page["NextToken"]?.GetValue<string>();
            pages++;
        }
        while (token is not null);

        Assert.Equal(["a", "b", "c", "d", "e"], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task ListResourceServers_TokenOfAnotherPool_InvalidParameter()
    {
        var poolA = await _client.CreatePoolIdAsync();
        var poolB = await _client.CreatePoolIdAsync();
        await CreateAsync(poolA, "x1");
        await CreateAsync(poolA, "x2");
        var token = (await _client.CallAsync("ListResourceServers", new { UserPoolId = poolA, MaxResults = 1 }))["NextToken"]!
            .GetValue<string>();

        var response = await _client.CallAsync("ListResourceServers", new { UserPoolId = poolB, MaxResults = 1, NextToken = token });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task CreateUserPoolClient_CustomScopeOfResourceServer_Accepted()
    {
        var poolId = await _client.CreatePoolIdAsync();
        await CreateAsync(poolId, "https://api.example.com", Scopes("read"));

        var client = await _client.CreateClientAsync(poolId, JsonNode.Parse("""
            {"GenerateSecret":true,"AllowedOAuthFlowsUserPoolClient":true,"AllowedOAuthFlows":["client_credentials"],
             "AllowedOAuthScopes":["https://api.example.com/read"]}
            """)!.AsObject());

        Assert.Equal("https://api.example.com/read", client["AllowedOAuthScopes"]?[0]?.GetValue<string>());
    }

    [Theory]
    [InlineData("https://api.example.com/write")]
    [InlineData("other/read")]
    [InlineData("read")]
    public async Task CreateUserPoolClient_UnknownCustomScope_ScopeDoesNotExist(string scope)
    {
        var poolId = await _client.CreatePoolIdAsync();
        await CreateAsync(poolId, "https://api.example.com", Scopes("read"));

        var response = await _client.CallAsync("CreateUserPoolClient", new
        {
            UserPoolId = poolId,
            ClientName = "m2m",
            GenerateSecret = true,
            AllowedOAuthFlowsUserPoolClient = true,
            AllowedOAuthFlows = ClientCredentials,
            AllowedOAuthScopes = new[] { scope },
        });

        Assert.Equal("ScopeDoesNotExistException", response.ErrorType);
        Assert.Equal($"Invalid scope requested: {scope}", response.Message);
    }

    [Fact]
    public async Task UpdateUserPoolClient_ScopeOfDeletedResourceServer_ScopeDoesNotExist()
    {
        var poolId = await _client.CreatePoolIdAsync();
        await CreateAsync(poolId, "gone", Scopes("read"));
        var clientId = (await _client.CreateClientAsync(poolId, JsonNode.Parse("""
            {"GenerateSecret":true,"AllowedOAuthFlowsUserPoolClient":true,"AllowedOAuthFlows":["client_credentials"],
             "AllowedOAuthScopes":["gone/read"]}
            """)!.AsObject()))["ClientId"]!.GetValue<string>();
        await _client.CallAsync("DeleteResourceServer", new { UserPoolId = poolId, Identifier = "gone" });

        var response = await _client.CallAsync("UpdateUserPoolClient", new
        {
            UserPoolId = poolId,
            ClientId = clientId,
            AllowedOAuthFlowsUserPoolClient = true,
            AllowedOAuthFlows = ClientCredentials,
            AllowedOAuthScopes = GoneRead,
        });

        Assert.Equal("ScopeDoesNotExistException", response.ErrorType);
    }
}
