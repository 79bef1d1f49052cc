using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.IdentityPools;

/// <summary>
/// The checks of CreateIdentityPool and UpdateIdentityPool beyond the model. Each refused request answers
/// InvalidParameterException and stores nothing.
/// </summary>
public sealed class IdentityPoolValidationTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string UserPoolProvider = "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123";
    private readonly AwsApiClient _client = factory.CreateAwsClient().ForIdentityPools();

    public static TheoryData<string, string> RefusedCreates => new()
    {
        { "unknown social provider", """{"SupportedLoginProviders": {"login.example.com": "app"}}""" },
        { "social provider in another case", """{"SupportedLoginProviders": {"Graph.Facebook.Com": "app"}}""" },
        { "user pool name without pool id", """{"CognitoIdentityProviders": [{"ProviderName": "cognito-idp.us-east-1.amazonaws.com", "ClientId": "c"}]}""" },
        { "user pool name of another host", """{"CognitoIdentityProviders": [{"ProviderName": "evil.example.com/us-east-1_AbCdEf123", "ClientId": "c"}]}""" },
        { "user pool region unlike its id", """{"CognitoIdentityProviders": [{"ProviderName": "cognito-idp.eu-west-1.amazonaws.com/us-east-1_AbCdEf123", "ClientId": "c"}]}""" },
        { "user pool without client id", $$"""{"CognitoIdentityProviders": [{"ProviderName": "{{UserPoolProvider}}"}]}""" },
        { "user pool without provider name", """{"CognitoIdentityProviders": [{"ClientId": "c"}]}""" },
        { "same user pool and client twice", $$"""{"CognitoIdentityProviders": [{"ProviderName": "{{UserPoolProvider}}", "ClientId": "c"}, {"ProviderName": "{{UserPoolProvider}}", "ClientId": "c", "ServerSideTokenCheck": true}]}""" },
        { "OIDC ARN of another account", """{"OpenIdConnectProviderARNs": ["arn:aws:iam::123456789012:oidc-provider/login.example.com"]}""" },
        { "OIDC ARN of a role", """{"OpenIdConnectProviderARNs": ["arn:aws:iam::000000000000:role/SomeRole"]}""" },
        { "OIDC ARN twice", """{"OpenIdConnectProviderARNs": ["arn:aws:iam::000000000000:oidc-provider/a.example.com", "arn:aws:iam::000000000000:oidc-provider/a.example.com"]}""" },
        { "SAML ARN of another account", """{"SamlProviderARNs": ["arn:aws:iam::123456789012:saml-provider/Corp"]}""" },
        { "SAML ARN of an OIDC provider", """{"SamlProviderARNs": ["arn:aws:iam::000000000000:oidc-provider/a.example.com"]}""" },
        { "SAML ARN twice", """{"SamlProviderARNs": ["arn:aws:iam::000000000000:saml-provider/Corp", "arn:aws:iam::000000000000:saml-provider/Corp"]}""" },
        { "reserved tag key", """{"IdentityPoolTags": {"aws:cloudformation:stack-name": "x"}}""" },
        { "name against the model pattern", """{"IdentityPoolName": "bad/name"}""" },
        { "name too long", $$"""{"IdentityPoolName": "{{new string('n', 129)}}"}""" },
        { "developer provider against the model pattern", """{"DeveloperProviderName": "has space"}""" },
        { "eleven social providers", """{"SupportedLoginProviders": {"a1": "x", "a2": "x", "a3": "x", "a4": "x", "a5": "x", "a6": "x", "a7": "x", "a8": "x", "a9": "x", "a10": "x", "a11": "x"}}""" },
    };

    [Theory]
    [MemberData(nameof(RefusedCreates))]
    public async Task CreateIdentityPool_InvalidProviderOrTag_InvalidParameterAndNothingStored(string label, string settings)
    {
        var body = JsonNode.Parse(settings)!.AsObject();
        body["IdentityPoolName"] ??= IdentityPoolBuilder.UniqueName();
        body["AllowUnauthenticatedIdentities"] = false;
        var before = await IdentityPoolBuilder.FingerprintAsync(factory);

        var response = await _client.SendAsync("CreateIdentityPool", body.ToJsonString());

        Assert.True(response.Status == HttpStatusCode.BadRequest, $"{label}: {response.Text}");
        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal(before, await IdentityPoolBuilder.FingerprintAsync(factory));
    }

    [Fact]
    public async Task CreateIdentityPool_FiftyOneTags_InvalidParameter()
    {
        var tags = new JsonObject();
        for (var i = 0; i < 51; i++)
        {
            tags[$"k{i}"] = "v";
        }

        var response = await _client.SendAsync("CreateIdentityPool", new JsonObject
        {
            ["IdentityPoolName"] = IdentityPoolBuilder.UniqueName(),
            ["AllowUnauthenticatedIdentities"] = false,
            ["IdentityPoolTags"] = tags,
        }.ToJsonString());

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Contains("50", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateIdentityPool_EverySocialProvider_Accepted()
    {
        var providers = new JsonObject();
        foreach (var key in new[] { "graph.facebook.com", "accounts.google.com", "www.amazon.com", "appleid.apple.com",
            "api.twitter.com", "www.digits.com" })
        {
            providers[key] = "app-id";
        }

        var pool = await _client.CreateIdentityPoolAsync(new JsonObject { ["SupportedLoginProviders"] = providers });

        Assert.Equal(6, pool["SupportedLoginProviders"]!.AsObject().Count);
    }

    [Fact]
    public async Task CreateIdentityPool_OwnIssuerAsUserPoolProvider_Accepted()
    {
        // The in-process server's issuer is http://localhost/<pool id>, so its provider name is localhost/<pool id>.
        var pool = await _client.CreateIdentityPoolAsync(new JsonObject
        {
            ["CognitoIdentityProviders"] = new JsonArray(
                new JsonObject { ["ProviderName"] = "localhost/us-east-1_Own123456", ["ClientId"] = "c1" }),
        });

        Assert.Equal("localhost/us-east-1_Own123456", pool["CognitoIdentityProviders"]![0]!["ProviderName"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateIdentityPool_OwnIssuerWithScheme_InvalidParameter()
    {
        var response = await _client.SendAsync("CreateIdentityPool", new JsonObject
        {
            ["IdentityPoolName"] = IdentityPoolBuilder.UniqueName(),
            ["AllowUnauthenticatedIdentities"] = false,
            ["CognitoIdentityProviders"] = new JsonArray(
                new JsonObject { ["ProviderName"] = "http://localhost/us-east-1_Own123456", ["ClientId"] = "c1" }),
        }.ToJsonString());

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task CreateIdentityPool_SameUserPoolTwoClients_Accepted()
    {
        var pool = await _client.CreateIdentityPoolAsync(new JsonObject
        {
            ["CognitoIdentityProviders"] = new JsonArray(
                new JsonObject { ["ProviderName"] = UserPoolProvider, ["ClientId"] = "c1" },
                new JsonObject { ["ProviderName"] = UserPoolProvider, ["ClientId"] = "c2" }),
        });

        Assert.Equal(2, pool["CognitoIdentityProviders"]!.AsArray().Count);
    }

    [Fact]
    public async Task CreateIdentityPool_AllowUnauthenticatedMissing_InvalidParameter()
    {
        var response = await _client.SendAsync("CreateIdentityPool", """{"IdentityPoolName": "no-guest-flag"}""");

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Contains("allowUnauthenticatedIdentities", response.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UpdateIdentityPool_InvalidProvider_InvalidParameterAndPoolUnchanged()
    {
        var created = await _client.CreateIdentityPoolAsync(new JsonObject
        {
            ["SupportedLoginProviders"] = new JsonObject { ["graph.facebook.com"] = "fb-app" },
        });
        var poolId = created["IdentityPoolId"]!.GetValue<string>();
        var before = await IdentityPoolBuilder.FingerprintAsync(factory);

        var response = await _client.SendAsync("UpdateIdentityPool", new JsonObject
        {
            ["IdentityPoolId"] = poolId,
            ["IdentityPoolName"] = "changed",
            ["AllowUnauthenticatedIdentities"] = true,
            ["SupportedLoginProviders"] = new JsonObject { ["accounts.google.com"] = "g", ["myspace.com"] = "m" },
        }.ToJsonString());

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Contains("myspace.com", response.Message, StringComparison.Ordinal);
        Assert.Equal(before, await IdentityPoolBuilder.FingerprintAsync(factory));
        var described = await _client.CallAsync("DescribeIdentityPool", new { IdentityPoolId = poolId });
        Assert.True(JsonNode.DeepEquals(created, described.Body), described.Text);
    }

    [Fact]
    public async Task CreateIdentityPool_NullListEntries_Ignored()
    {
        var pool = await _client.CreateIdentityPoolAsync(new JsonObject
        {
            ["OpenIdConnectProviderARNs"] = new JsonArray(null, "arn:aws:iam::000000000000:oidc-provider/a.example.com"),
            ["SupportedLoginProviders"] = new JsonObject { ["graph.facebook.com"] = null },
        });

        Assert.Single(pool["OpenIdConnectProviderARNs"]!.AsArray());
        Assert.False(pool.ContainsKey("SupportedLoginProviders"));
    }
}
