using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.IdentityPools;

public sealed class IdentityPoolCrudTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string UserPoolProvider = "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123";
    private const string OidcArn = "arn:aws:iam::000000000000:oidc-provider/login.example.com/oidc";
    private const string SamlArn = "arn:aws:iam::000000000000:saml-provider/Corp";
    private readonly AwsApiClient _client = factory.CreateAwsClient().ForIdentityPools();

    [Fact]
    public async Task CreateIdentityPool_AllMembers_ReturnsThemWithWireNames()
    {
        var name = IdentityPoolBuilder.UniqueName();

        var response = await _client.CallAsync("CreateIdentityPool", new
        {
            IdentityPoolName = name,
            AllowUnauthenticatedIdentities = true,
            AllowClassicFlow = true,
            SupportedLoginProviders = new Dictionary<string, string> { ["accounts.google.com"] = "123.apps.googleusercontent.com" },
            DeveloperProviderName = "login.example",
            OpenIdConnectProviderARNs = new[] { OidcArn },
            CognitoIdentityProviders = new[] { new { ProviderName = UserPoolProvider, ClientId = "client1", ServerSideTokenCheck = true } },
            SamlProviderARNs = new[] { SamlArn },
            IdentityPoolTags = new Dictionary<string, string> { ["team"] = "blue" },
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var pool = response.Body;
        Assert.Matches("^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
            pool["IdentityPoolId"]!.GetValue<string>());
        Assert.Equal(name, pool["IdentityPoolName"]!.GetValue<string>());
        Assert.True(pool["AllowUnauthenticatedIdentities"]!.GetValue<bool>());
        Assert.True(pool["AllowClassicFlow"]!.GetValue<bool>());
        Assert.Equal("123.apps.googleusercontent.com", pool["SupportedLoginProviders"]!["accounts.google.com"]!.GetValue<string>());
        Assert.Equal("login.example", pool["DeveloperProviderName"]!.GetValue<string>());
        Assert.Equal(OidcArn, Assert.Single(pool["OpenIdConnectProviderARNs"]!.AsArray())!.GetValue<string>());
        var provider = Assert.Single(pool["CognitoIdentityProviders"]!.AsArray())!.AsObject();
        Assert.Equal(UserPoolProvider, provider["ProviderName"]!.GetValue<string>());
        Assert.Equal("client1", provider["ClientId"]!.GetValue<string>());
        Assert.True(provider["ServerSideTokenCheck"]!.GetValue<bool>());
        Assert.Equal(SamlArn, Assert.Single(pool["SamlProviderARNs"]!.AsArray())!.GetValue<string>());
        Assert.Equal("blue", pool["IdentityPoolTags"]!["team"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateIdentityPool_OnlyRequiredMembers_DefaultsAndNoEmptyProviderLists()
    {
        var response = await _client.CallAsync("CreateIdentityPool", new
        {
            IdentityPoolName = IdentityPoolBuilder.UniqueName(),
            AllowUnauthenticatedIdentities = false,
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var pool = response.Body;
        Assert.False(pool["AllowUnauthenticatedIdentities"]!.GetValue<bool>());
        Assert.False(pool["AllowClassicFlow"]!.GetValue<bool>());
        Assert.Empty(pool["IdentityPoolTags"]!.AsObject());
        foreach (var absent in new[] { "SupportedLoginProviders", "DeveloperProviderName", "OpenIdConnectProviderARNs",
            "CognitoIdentityProviders", "SamlProviderARNs" })
        {
            Assert.False(pool.ContainsKey(absent), absent);
        }
    }

    [Fact]
    public async Task CreateIdentityPool_ServerSideTokenCheckOmitted_IsFalse()
    {
        var pool = await _client.CreateIdentityPoolAsync(new JsonObject
        {
            ["CognitoIdentityProviders"] = new JsonArray(new JsonObject { ["ProviderName"] = UserPoolProvider, ["ClientId"] = "c1" }),
        });

        Assert.False(pool["CognitoIdentityProviders"]![0]!["ServerSideTokenCheck"]!.GetValue<bool>());
    }

    [Fact]
    public async Task CreateIdentityPool_Unsigned_MissingAuthenticationToken()
    {
        var response = await _client.CallAsync(
            "CreateIdentityPool", new { IdentityPoolName = "unsigned", AllowUnauthenticatedIdentities = false }, sign: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("MissingAuthenticationTokenException", response.ErrorType);
    }

    [Fact]
    public async Task DescribeIdentityPool_Unsigned_MissingAuthenticationToken()
    {
        var poolId = await _client.CreateIdentityPoolIdAsync();

        var response = await _client.CallAsync("DescribeIdentityPool", new { IdentityPoolId = poolId }, sign: false);

        Assert.Equal("MissingAuthenticationTokenException", response.ErrorType);
    }

    [Fact]
    public async Task DescribeIdentityPool_Existing_SameAsCreated()
    {
        var created = await _client.CreateIdentityPoolAsync(new JsonObject
        {
            ["SupportedLoginProviders"] = new JsonObject { ["graph.facebook.com"] = "7346241598935552" },
            ["IdentityPoolTags"] = new JsonObject { ["env"] = "test" },
        });

        var response = await _client.CallAsync("DescribeIdentityPool", new { IdentityPoolId = created["IdentityPoolId"]!.GetValue<string>() });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(JsonNode.DeepEquals(created, response.Body), response.Text);
    }

    [Fact]
    public async Task DescribeIdentityPool_Unknown_ResourceNotFound()
    {
        var response = await _client.CallAsync("DescribeIdentityPool", new { IdentityPoolId = "us-east-1:00000000-0000-0000-0000-000000000000" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorType);
        Assert.Contains("us-east-1:00000000-0000-0000-0000-000000000000", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeIdentityPool_MalformedId_InvalidParameter()
    {
        var response = await _client.CallAsync("DescribeIdentityPool", new { IdentityPoolId = "not-a-pool-id" });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task UpdateIdentityPool_OmittedSettings_ResetToDefaults()
    {
        var created = await _client.CreateIdentityPoolAsync(new JsonObject
        {
            ["AllowClassicFlow"] = true,
            ["SupportedLoginProviders"] = new JsonObject { ["www.amazon.com"] = "amzn1.application.1" },
            ["OpenIdConnectProviderARNs"] = new JsonArray(OidcArn),
        });
        var poolId = created["IdentityPoolId"]!.GetValue<string>();

        var response = await _client.CallAsync("UpdateIdentityPool", new
        {
            IdentityPoolId = poolId,
            IdentityPoolName = "renamed pool",
            AllowUnauthenticatedIdentities = true,
            SamlProviderARNs = new[] { SamlArn },
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var described = await _client.CallAsync("DescribeIdentityPool", new { IdentityPoolId = poolId });
        foreach (var pool in new[] { response.Body, described.Body })
        {
            Assert.Equal("renamed pool", pool["IdentityPoolName"]!.GetValue<string>());
            Assert.True(pool["AllowUnauthenticatedIdentities"]!.GetValue<bool>());
            Assert.False(pool["AllowClassicFlow"]!.GetValue<bool>());
            Assert.False(pool.ContainsKey("SupportedLoginProviders"));
            Assert.False(pool.ContainsKey("OpenIdConnectProviderARNs"));
            Assert.Equal(SamlArn, pool["SamlProviderARNs"]![0]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task UpdateIdentityPool_TagsOmitted_KeepsTags_TagsGiven_ReplacesThem()
    {
        var created = await _client.CreateIdentityPoolAsync(new JsonObject { ["IdentityPoolTags"] = new JsonObject { ["a"] = "1" } });
        var poolId = created["IdentityPoolId"]!.GetValue<string>();
        var name = created["IdentityPoolName"]!.GetValue<string>();

        var kept = await _client.CallAsync("UpdateIdentityPool", new { IdentityPoolId = poolId, IdentityPoolName = name, AllowUnauthenticatedIdentities = false });
        var replaced = await _client.CallAsync("UpdateIdentityPool", new
        {
            IdentityPoolId = poolId,
            IdentityPoolName = name,
            AllowUnauthenticatedIdentities = false,
            IdentityPoolTags = new Dictionary<string, string> { ["b"] = "2" },
        });

        Assert.Equal("1", kept["IdentityPoolTags"]!["a"]!.GetValue<string>());
        var tags = replaced["IdentityPoolTags"]!.AsObject();
        Assert.Equal("2", Assert.Single(tags).Value!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateIdentityPool_DeveloperProviderNameChanged_InvalidParameterAndNothingStored()
    {
        var created = await _client.CreateIdentityPoolAsync(new JsonObject { ["DeveloperProviderName"] = "first.example" });
        var poolId = created["IdentityPoolId"]!.GetValue<string>();
        var before = await IdentityPoolBuilder.FingerprintAsync(factory);

        var response = await _client.CallAsync("UpdateIdentityPool", new
        {
            IdentityPoolId = poolId,
            IdentityPoolName = "changed",
            AllowUnauthenticatedIdentities = true,
            DeveloperProviderName = "second.example",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Contains("first.example", response.Message, StringComparison.Ordinal);
        Assert.Equal(before, await IdentityPoolBuilder.FingerprintAsync(factory));
        var described = await _client.CallAsync("DescribeIdentityPool", new { IdentityPoolId = poolId });
        Assert.True(JsonNode.DeepEquals(created, described.Body), described.Text);
    }

    [Fact]
    public async Task UpdateIdentityPool_DeveloperProviderNameOmitted_KeepsIt()
    {
        var created = await _client.CreateIdentityPoolAsync(new JsonObject { ["DeveloperProviderName"] = "kept.example" });

        var response = await _client.CallAsync("UpdateIdentityPool", new
        {
            IdentityPoolId = created["IdentityPoolId"]!.GetValue<string>(),
            IdentityPoolName = created["IdentityPoolName"]!.GetValue<string>(),
            AllowUnauthenticatedIdentities = false,
        });

        Assert.Equal("kept.example", response["DeveloperProviderName"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateIdentityPool_DeveloperProviderNameFirstSet_Stored()
    {
        var created = await _client.CreateIdentityPoolAsync();

        var response = await _client.CallAsync("UpdateIdentityPool", new
        {
            IdentityPoolId = created["IdentityPoolId"]!.GetValue<string>(),
            IdentityPoolName = created["IdentityPoolName"]!.GetValue<string>(),
            AllowUnauthenticatedIdentities = false,
            DeveloperProviderName = "new.example",
        });

        Assert.Equal("new.example", response["DeveloperProviderName"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateIdentityPool_Unknown_ResourceNotFound()
    {
        var response = await _client.CallAsync("UpdateIdentityPool", new
        {
            IdentityPoolId = "us-east-1:11111111-1111-1111-1111-111111111111",
            IdentityPoolName = "x",
            AllowUnauthenticatedIdentities = false,
        });

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task DeleteIdentityPool_WithIdentities_PoolIdentitiesAndLoginsGone()
    {
        var poolId = await _client.CreateIdentityPoolIdAsync();
        var identity = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, ("accounts.google.com", "g-1"));
        var guest = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId);

        var response = await _client.CallAsync("DeleteIdentityPool", new { IdentityPoolId = poolId });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Empty(response.Body);
        Assert.Equal("ResourceNotFoundException",
            (await _client.CallAsync("DescribeIdentityPool", new { IdentityPoolId = poolId })).ErrorType);
        Assert.False(await IdentityPoolBuilder.IdentityExistsAsync(factory, identity.Id));
        Assert.False(await IdentityPoolBuilder.IdentityExistsAsync(factory, guest.Id));
        Assert.Empty(await IdentityPoolBuilder.LoginsAsync(factory, identity.Id));
    }

    [Fact]
    public async Task DeleteIdentityPool_Unknown_ResourceNotFound()
    {
        var response = await _client.CallAsync("DeleteIdentityPool", new { IdentityPoolId = "us-east-1:22222222-2222-2222-2222-222222222222" });

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task UpdateIdentityPool_Providers_KeepsRolesAndPrincipalTags()
    {
        var created = await _client.CreateIdentityPoolAsync(new JsonObject
        {
            ["SupportedLoginProviders"] = new JsonObject { ["accounts.google.com"] = "g-app" },
        });
        var poolId = created["IdentityPoolId"]!.GetValue<string>();
        await _client.CallAsync("SetIdentityPoolRoles", new
        {
            IdentityPoolId = poolId,
            Roles = new Dictionary<string, string> { ["authenticated"] = "arn:aws:iam::000000000000:role/Kept" },
        });
        await _client.CallAsync("SetPrincipalTagAttributeMap", new { IdentityPoolId = poolId, IdentityProviderName = "accounts.google.com", UseDefaults = true });

        var update = await _client.CallAsync("UpdateIdentityPool", new
        {
            IdentityPoolId = poolId,
            IdentityPoolName = "with roles",
            AllowUnauthenticatedIdentities = false,
            SupportedLoginProviders = new Dictionary<string, string> { ["accounts.google.com"] = "g-app-2" },
        });

        Assert.Equal(HttpStatusCode.OK, update.Status);
        var roles = await _client.CallAsync("GetIdentityPoolRoles", new { IdentityPoolId = poolId });
        Assert.Equal("arn:aws:iam::000000000000:role/Kept", roles["Roles"]!["authenticated"]!.GetValue<string>());
        var tags = await _client.CallAsync("GetPrincipalTagAttributeMap", new { IdentityPoolId = poolId, IdentityProviderName = "accounts.google.com" });
        Assert.True(tags["UseDefaults"]!.GetValue<bool>());
    }
}
