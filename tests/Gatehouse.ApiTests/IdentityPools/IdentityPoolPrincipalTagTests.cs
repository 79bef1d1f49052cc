using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.IdentityPools;

public sealed class IdentityPoolPrincipalTagTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string UserPool = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Tags12345";
    private const string Saml = "arn:aws:iam::000000000000:saml-provider/Corp";
    private readonly AwsApiClient _client = factory.CreateAwsClient().ForIdentityPools();

    [Fact]
    public async Task SetPrincipalTagAttributeMap_CustomTags_EchoedAndReturnedByGet()
    {
        var poolId = await CreatePoolAsync();

        var set = await _client.CallAsync("SetPrincipalTagAttributeMap", new
        {
            IdentityPoolId = poolId,
            IdentityProviderName = UserPool,
            PrincipalTags = new Dictionary<string, string> { ["department"] = "custom:dept", ["user"] = "sub" },
        });
        var get = await GetAsync(poolId, UserPool);

        Assert.Equal(HttpStatusCode.OK, set.Status);
        foreach (var response in new[] { set, get })
        {
            Assert.Equal(poolId, response["IdentityPoolId"]!.GetValue<string>());
            Assert.Equal(UserPool, response["IdentityProviderName"]!.GetValue<string>());
            Assert.False(response["UseDefaults"]!.GetValue<bool>());
            Assert.Equal("custom:dept", response["PrincipalTags"]!["department"]!.GetValue<string>());
            Assert.Equal("sub", response["PrincipalTags"]!["user"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData(UserPool, "client", "aud", "username", "sub")]
    [InlineData("accounts.google.com", "client", "aud", "username", "sub")]
    [InlineData("www.amazon.com", "client", "aud", "username", "user_id")]
    public async Task SetPrincipalTagAttributeMap_UseDefaults_DefaultMapOfTheProvider(
        string provider, string clientTag, string clientClaim, string userTag, string userClaim)
    {
        var poolId = await CreatePoolAsync();

        var set = await _client.CallAsync("SetPrincipalTagAttributeMap", new
        {
            IdentityPoolId = poolId,
            IdentityProviderName = provider,
            UseDefaults = true,
        });
        var get = await GetAsync(poolId, provider);

        foreach (var response in new[] { set, get })
        {
            Assert.True(response["UseDefaults"]!.GetValue<bool>());
            var tags = response["PrincipalTags"]!.AsObject();
            Assert.Equal(2, tags.Count);
            Assert.Equal(clientClaim, tags[clientTag]!.GetValue<string>());
            Assert.Equal(userClaim, tags[userTag]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task SetPrincipalTagAttributeMap_SamlDefaults_NameIdentifier()
    {
        var poolId = await CreatePoolAsync();

        var set = await _client.CallAsync("SetPrincipalTagAttributeMap", new { IdentityPoolId = poolId, IdentityProviderName = Saml, UseDefaults = true });

        Assert.Equal("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier",
            set["PrincipalTags"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetPrincipalTagAttributeMap_NothingSet_NoDefaultsNoTags()
    {
        var poolId = await CreatePoolAsync();

        var get = await GetAsync(poolId, "accounts.google.com");

        Assert.Equal(HttpStatusCode.OK, get.Status);
        Assert.False(get["UseDefaults"]!.GetValue<bool>());
        Assert.Empty(get["PrincipalTags"]!.AsObject());
    }

    [Fact]
    public async Task SetPrincipalTagAttributeMap_NoTagsNoDefaults_TurnsMapOff()
    {
        var poolId = await CreatePoolAsync();
        await _client.CallAsync("SetPrincipalTagAttributeMap", new { IdentityPoolId = poolId, IdentityProviderName = UserPool, UseDefaults = true });

        var set = await _client.CallAsync("SetPrincipalTagAttributeMap", new { IdentityPoolId = poolId, IdentityProviderName = UserPool, UseDefaults = false });
        var get = await GetAsync(poolId, UserPool);

        Assert.Equal(HttpStatusCode.OK, set.Status);
        Assert.False(get["UseDefaults"]!.GetValue<bool>());
        Assert.Empty(get["PrincipalTags"]!.AsObject());
    }

    [Fact]
    public async Task SetPrincipalTagAttributeMap_ProviderNotInPool_InvalidParameterAndNothingStored()
    {
        var poolId = await CreatePoolAsync();
        var before = await IdentityPoolBuilder.FingerprintAsync(factory);

        var response = await _client.CallAsync("SetPrincipalTagAttributeMap", new
        {
            IdentityPoolId = poolId,
            IdentityProviderName = "graph.facebook.com",
            PrincipalTags = new Dictionary<string, string> { ["a"] = "b" },
        });

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Contains("graph.facebook.com", response.Message, StringComparison.Ordinal);
        Assert.Equal(before, await IdentityPoolBuilder.FingerprintAsync(factory));
    }

    [Fact]
    public async Task SetPrincipalTagAttributeMap_UserPoolKeyWithClientId_InvalidParameter()
    {
        var poolId = await CreatePoolAsync();

        var response = await _client.CallAsync("SetPrincipalTagAttributeMap", new
        {
            IdentityPoolId = poolId,
            IdentityProviderName = UserPool + ":client1",
            UseDefaults = true,
        });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task GetPrincipalTagAttributeMap_ProviderNotInPool_InvalidParameter()
    {
        var poolId = await CreatePoolAsync();

        var response = await GetAsync(poolId, "api.twitter.com");

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task SetPrincipalTagAttributeMap_UnknownPool_ResourceNotFound()
    {
        var response = await _client.CallAsync("SetPrincipalTagAttributeMap", new
        {
            IdentityPoolId = "us-east-1:44444444-4444-4444-4444-444444444444",
            IdentityProviderName = UserPool,
            UseDefaults = true,
        });

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task GetPrincipalTagAttributeMap_UnknownPool_ResourceNotFound()
    {
        var response = await GetAsync("us-east-1:44444444-4444-4444-4444-444444444444", UserPool);

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    private Task<string> CreatePoolAsync() => _client.CreateIdentityPoolIdAsync(new JsonObject
    {
        ["SupportedLoginProviders"] = new JsonObject { ["accounts.google.com"] = "g-app", ["www.amazon.com"] = "amzn-app" },
        ["CognitoIdentityProviders"] = new JsonArray(new JsonObject { ["ProviderName"] = UserPool, ["ClientId"] = "client1" }),
        ["SamlProviderARNs"] = new JsonArray(Saml),
    });

    private Task<AwsResponse> GetAsync(string poolId, string provider) =>
        _client.CallAsync("GetPrincipalTagAttributeMap", new { IdentityPoolId = poolId, IdentityProviderName = provider });
}
