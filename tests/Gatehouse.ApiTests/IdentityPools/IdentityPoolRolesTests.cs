using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.IdentityPools;

public sealed class IdentityPoolRolesTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string UserPool = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Roles1234";
    private const string AuthRole = "arn:aws:iam::000000000000:role/Cognito_Auth";
    private const string UnauthRole = "arn:aws:iam::000000000000:role/Cognito_Unauth";
    private const string AdminRole = "arn:aws:iam::000000000000:role/team/Admins";
    private readonly AwsApiClient _client = factory.CreateAwsClient().ForIdentityPools();

    [Fact]
    public async Task SetIdentityPoolRoles_RolesAndMappings_GetReturnsThem()
    {
        var poolId = await CreatePoolAsync();
        var mappings = new JsonObject
        {
            [$"{UserPool}:client1"] = new JsonObject
            {
                ["Type"] = "Rules",
                ["AmbiguousRoleResolution"] = "AuthenticatedRole",
                ["RulesConfiguration"] = new JsonObject
                {
                    ["Rules"] = new JsonArray(new JsonObject
                    {
                        ["Claim"] = "cognito:groups",
                        ["MatchType"] = "Contains",
                        ["Value"] = "admins",
                        ["RoleARN"] = AdminRole,
                    }),
                },
            },
            ["graph.facebook.com"] = new JsonObject { ["Type"] = "Token", ["AmbiguousRoleResolution"] = "Deny" },
        };

        var set = await SetAsync(poolId, new JsonObject { ["authenticated"] = AuthRole, ["unauthenticated"] = UnauthRole }, mappings);
        var get = await _client.CallAsync("GetIdentityPoolRoles", new { IdentityPoolId = poolId });

        Assert.Equal(HttpStatusCode.OK, set.Status);
        Assert.Empty(set.Body);
        Assert.Equal(HttpStatusCode.OK, get.Status);
        Assert.Equal(poolId, get["IdentityPoolId"]!.GetValue<string>());
        Assert.Equal(AuthRole, get["Roles"]!["authenticated"]!.GetValue<string>());
        Assert.Equal(UnauthRole, get["Roles"]!["unauthenticated"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(mappings, get["RoleMappings"]), get.Text);
    }

    [Fact]
    public async Task GetIdentityPoolRoles_NoneSet_EmptyRolesNoMappings()
    {
        var poolId = await CreatePoolAsync();

        var get = await _client.CallAsync("GetIdentityPoolRoles", new { IdentityPoolId = poolId });

        Assert.Equal(HttpStatusCode.OK, get.Status);
        Assert.Empty(get["Roles"]!.AsObject());
        Assert.False(get.Body.ContainsKey("RoleMappings"));
    }

    [Fact]
    public async Task SetIdentityPoolRoles_Again_ReplacesRolesAndMappings()
    {
        var poolId = await CreatePoolAsync();
        await SetAsync(poolId, new JsonObject { ["authenticated"] = AuthRole, ["unauthenticated"] = UnauthRole },
            new JsonObject { ["graph.facebook.com"] = new JsonObject { ["Type"] = "Token", ["AmbiguousRoleResolution"] = "Deny" } });

        var set = await SetAsync(poolId, new JsonObject { ["authenticated"] = AdminRole });
        var get = await _client.CallAsync("GetIdentityPoolRoles", new { IdentityPoolId = poolId });

        Assert.Equal(HttpStatusCode.OK, set.Status);
        var roles = get["Roles"]!.AsObject();
        Assert.Equal(AdminRole, Assert.Single(roles).Value!.GetValue<string>());
        Assert.False(get.Body.ContainsKey("RoleMappings"));
    }

    [Fact]
    public async Task SetIdentityPoolRoles_RoleWithPath_Accepted()
    {
        var poolId = await CreatePoolAsync();

        var set = await SetAsync(poolId, new JsonObject { ["authenticated"] = AdminRole });

        Assert.Equal(HttpStatusCode.OK, set.Status);
    }

    public static TheoryData<string, string, string?> RefusedSets => new()
    {
        { "role key other than (un)authenticated", """{"admin": "arn:aws:iam::000000000000:role/A"}""", null },
        { "role of another account", """{"authenticated": "arn:aws:iam::123456789012:role/A"}""", null },
        { "role ARN that is a policy", """{"authenticated": "arn:aws:iam::000000000000:policy/Something"}""", null },
        { "role ARN without a name", """{"authenticated": "arn:aws:iam::000000000000:role/"}""", null },
        {
            "mapping for a provider the pool lacks", "{}",
            """{"accounts.google.com": {"Type": "Token", "AmbiguousRoleResolution": "Deny"}}"""
        },
        {
            "user pool mapping without client id", "{}",
            $$$"""{"{{{UserPool}}}": {"Type": "Token", "AmbiguousRoleResolution": "Deny"}}"""
        },
        {
            "user pool mapping of another client", "{}",
            $$$"""{"{{{UserPool}}}:other": {"Type": "Token", "AmbiguousRoleResolution": "Deny"}}"""
        },
        { "mapping without AmbiguousRoleResolution", "{}", """{"graph.facebook.com": {"Type": "Token"}}""" },
        {
            "Rules mapping without RulesConfiguration", "{}",
            """{"graph.facebook.com": {"Type": "Rules", "AmbiguousRoleResolution": "Deny"}}"""
        },
        {
            "Rules mapping with no rules", "{}",
            """{"graph.facebook.com": {"Type": "Rules", "AmbiguousRoleResolution": "Deny", "RulesConfiguration": {"Rules": []}}}"""
        },
        {
            "Token mapping with rules", "{}",
            """{"graph.facebook.com": {"Type": "Token", "AmbiguousRoleResolution": "Deny", "RulesConfiguration": {"Rules": [{"Claim": "c", "MatchType": "Equals", "Value": "v", "RoleARN": "arn:aws:iam::000000000000:role/A"}]}}}"""
        },
        {
            "rule with a role of another account", "{}",
            """{"graph.facebook.com": {"Type": "Rules", "AmbiguousRoleResolution": "Deny", "RulesConfiguration": {"Rules": [{"Claim": "c", "MatchType": "Equals", "Value": "v", "RoleARN": "arn:aws:iam::123456789012:role/A"}]}}}"""
        },
        {
            "rule with an unknown match type", "{}",
            """{"graph.facebook.com": {"Type": "Rules", "AmbiguousRoleResolution": "Deny", "RulesConfiguration": {"Rules": [{"Claim": "c", "MatchType": "Regex", "Value": "v", "RoleARN": "arn:aws:iam::000000000000:role/A"}]}}}"""
        },
        { "unknown mapping type", "{}", """{"graph.facebook.com": {"Type": "Claims", "AmbiguousRoleResolution": "Deny"}}""" },
        {
            "unknown ambiguous resolution", "{}",
            """{"graph.facebook.com": {"Type": "Token", "AmbiguousRoleResolution": "UnauthenticatedRole"}}"""
        },
    };

    [Theory]
    [MemberData(nameof(RefusedSets))]
    public async Task SetIdentityPoolRoles_InvalidRoleOrMapping_InvalidParameterAndNothingStored(
        string label, string roles, string? mappings)
    {
        var poolId = await CreatePoolAsync();
        await SetAsync(poolId, new JsonObject { ["authenticated"] = AuthRole });
        var before = await _client.CallAsync("GetIdentityPoolRoles", new { IdentityPoolId = poolId });
        var fingerprint = await IdentityPoolBuilder.FingerprintAsync(factory);

        var response = await SetAsync(poolId, JsonNode.Parse(roles)!.AsObject(),
            mappings is null ? null : JsonNode.Parse(mappings)!.AsObject());

        Assert.True(response.Status == HttpStatusCode.BadRequest, $"{label}: {response.Text}");
        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal(fingerprint, await IdentityPoolBuilder.FingerprintAsync(factory));
        var after = await _client.CallAsync("GetIdentityPoolRoles", new { IdentityPoolId = poolId });
        Assert.True(JsonNode.DeepEquals(before.Body, after.Body), after.Text);
    }

    [Fact]
    public async Task SetIdentityPoolRoles_TwentySixRules_InvalidParameterNaming25()
    {
        var poolId = await CreatePoolAsync();
        var rules = new JsonArray();
        for (var i = 0; i < 26; i++)
        {
            rules.Add(new JsonObject { ["Claim"] = "c", ["MatchType"] = "Equals", ["Value"] = $"v{i}", ["RoleARN"] = AdminRole });
        }

        var response = await SetAsync(poolId, new JsonObject(), new JsonObject
        {
            ["graph.facebook.com"] = new JsonObject
            {
                ["Type"] = "Rules",
                ["AmbiguousRoleResolution"] = "Deny",
                ["RulesConfiguration"] = new JsonObject { ["Rules"] = rules },
            },
        });

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Contains("25", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetIdentityPoolRoles_MappingsForEveryProviderKind_Accepted()
    {
        var poolId = await _client.CreateIdentityPoolIdAsync(new JsonObject
        {
            ["OpenIdConnectProviderARNs"] = new JsonArray("arn:aws:iam::000000000000:oidc-provider/login.example.com"),
            ["SamlProviderARNs"] = new JsonArray("arn:aws:iam::000000000000:saml-provider/Corp"),
            ["CognitoIdentityProviders"] = new JsonArray(new JsonObject { ["ProviderName"] = UserPool, ["ClientId"] = "client1" }),
        });
        var token = new JsonObject { ["Type"] = "Token", ["AmbiguousRoleResolution"] = "AuthenticatedRole" };

        var response = await SetAsync(poolId, new JsonObject(), new JsonObject
        {
            ["login.example.com"] = token.DeepClone(),
            ["arn:aws:iam::000000000000:saml-provider/Corp"] = token.DeepClone(),
            [$"{UserPool}:client1"] = token.DeepClone(),
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task SetIdentityPoolRoles_UnknownPool_ResourceNotFound()
    {
        var response = await SetAsync("us-east-1:33333333-3333-3333-3333-333333333333", new JsonObject());

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task GetIdentityPoolRoles_UnknownPool_ResourceNotFound()
    {
        var response = await _client.CallAsync("GetIdentityPoolRoles", new { IdentityPoolId = "us-east-1:33333333-3333-3333-3333-333333333333" });

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task SetIdentityPoolRoles_RolesMissing_InvalidParameter()
    {
        var poolId = await CreatePoolAsync();

        var response = await _client.CallAsync("SetIdentityPoolRoles", new { IdentityPoolId = poolId });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task SetIdentityPoolRoles_Unsigned_MissingAuthenticationToken()
    {
        var poolId = await CreatePoolAsync();

        var response = await _client.CallAsync("SetIdentityPoolRoles", new { IdentityPoolId = poolId, Roles = new { } }, sign: false);

        Assert.Equal("MissingAuthenticationTokenException", response.ErrorType);
    }

    private Task<string> CreatePoolAsync() => _client.CreateIdentityPoolIdAsync(new JsonObject
    {
        ["SupportedLoginProviders"] = new JsonObject { ["graph.facebook.com"] = "fb-app" },
        ["CognitoIdentityProviders"] = new JsonArray(new JsonObject { ["ProviderName"] = UserPool, ["ClientId"] = "client1" }),
    });

    private Task<AwsResponse> SetAsync(string poolId, JsonObject roles, JsonObject? mappings = null) =>
        _client.SendAsync("SetIdentityPoolRoles", new JsonObject
        {
            ["IdentityPoolId"] = poolId,
            ["Roles"] = roles,
            ["RoleMappings"] = mappings,
        }.ToJsonString());
}
