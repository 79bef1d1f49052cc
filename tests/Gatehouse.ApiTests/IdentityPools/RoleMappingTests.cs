using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.IdentityPools;

public sealed class RoleMappingTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _userPools = factory.CreateAwsClient();
    private readonly AwsApiClient _identity = factory.CreateAwsClient().ForIdentityPools();

    [Fact]
    public async Task TokenMapping_GroupsWithPrecedence_UsesThePreferredRole()
    {
        var (user, poolId, identityId) = await SignedInAsync();
        var (admins, readers) = (await RoleAsync(poolId), await RoleAsync(poolId));
        await GroupAsync(user, "admins", admins, precedence: 1);
        await GroupAsync(user, "readers", readers, precedence: 5);
        await MapAsync(poolId, user, new JsonObject { ["Type"] = "Token", ["AmbiguousRoleResolution"] = "Deny" });

        // Cognito reads the groups' roles from the token: sign in again after joining them.
        user = await SignInAgainAsync(user);
        var response = await _identity.CredentialsAsync(identityId, user.Logins);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(admins, IdentityPoolSteps.SessionOf(factory, response).RoleArn);
    }

    [Fact]
    public async Task TokenMapping_TwoRolesSamePrecedenceDeny_ReturnsNotAuthorized()
    {
        var (user, poolId, identityId) = await SignedInAsync();
        await GroupAsync(user, "a", await RoleAsync(poolId), precedence: 2);
        await GroupAsync(user, "b", await RoleAsync(poolId), precedence: 2);
        await MapAsync(poolId, user, new JsonObject { ["Type"] = "Token", ["AmbiguousRoleResolution"] = "Deny" });

        // Cognito reads the groups' roles from the token: sign in again after joining them.
        user = await SignInAgainAsync(user);
        var response = await _identity.CredentialsAsync(identityId, user.Logins);

        Assert.Equal("NotAuthorizedException", response.ErrorType);
    }

    [Fact]
    public async Task TokenMapping_AmbiguousWithAuthenticatedRole_FallsBackToThePoolsRole()
    {
        var (user, poolId, identityId) = await SignedInAsync();
        await GroupAsync(user, "a", await RoleAsync(poolId), precedence: 2);
        await GroupAsync(user, "b", await RoleAsync(poolId), precedence: 2);
        var auth = await _identity.CallAsync("GetIdentityPoolRoles", new { IdentityPoolId = poolId });
        await MapAsync(poolId, user, new JsonObject { ["Type"] = "Token", ["AmbiguousRoleResolution"] = "AuthenticatedRole" });

        // Cognito reads the groups' roles from the token: sign in again after joining them.
        user = await SignInAgainAsync(user);
        var response = await _identity.CredentialsAsync(identityId, user.Logins);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(auth["Roles"]!["authenticated"]!.GetValue<string>(), IdentityPoolSteps.SessionOf(factory, response).RoleArn);
    }

    [Fact]
    public async Task TokenMapping_CustomRoleArn_OneOfTheTokensRolesIsUsed_OtherIsRefused()
    {
        var (user, poolId, identityId) = await SignedInAsync();
        var (first, second) = (await RoleAsync(poolId), await RoleAsync(poolId));
        await GroupAsync(user, "a", first, precedence: 1);
        await GroupAsync(user, "b", second, precedence: 2);
        await MapAsync(poolId, user, new JsonObject { ["Type"] = "Token", ["AmbiguousRoleResolution"] = "Deny" });
        var outsider = await RoleAsync(poolId);

        // Cognito reads the groups' roles from the token: sign in again after joining them.
        user = await SignInAgainAsync(user);
        var chosen = await _identity.CredentialsAsync(identityId, user.Logins, customRoleArn: second);
        var refused = await _identity.CredentialsAsync(identityId, user.Logins, customRoleArn: outsider);

        Assert.Equal(second, IdentityPoolSteps.SessionOf(factory, chosen).RoleArn);
        Assert.Equal("InvalidParameterException", refused.ErrorType);
    }

    [Fact]
    public async Task RulesMapping_FirstMatchingRule_GivesTheRole()
    {
        var (user, poolId, identityId) = await SignedInAsync();
        var (staff, everyone) = (await RoleAsync(poolId), await RoleAsync(poolId));
        await MapAsync(poolId, user, Rules("Deny",
            ("email", "Equals", "nobody@example.com", await RoleAsync(poolId)),
            ("email", "StartsWith", user.Username + "@", staff),
            ("email", "Contains", "@", everyone)));

        var response = await _identity.CredentialsAsync(identityId, user.Logins);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(staff, IdentityPoolSteps.SessionOf(factory, response).RoleArn);
    }

    [Fact]
    public async Task RulesMapping_NoRuleMatchesDeny_ReturnsNotAuthorized()
    {
        var (user, poolId, identityId) = await SignedInAsync();
        await MapAsync(poolId, user, Rules("Deny", ("email", "Equals", "nobody@example.com", await RoleAsync(poolId))));

        var response = await _identity.CredentialsAsync(identityId, user.Logins);

        Assert.Equal("NotAuthorizedException", response.ErrorType);
    }

    [Fact]
    public async Task RulesMapping_DeniedLoginOnAGuestIdentity_IsNotLinked()
    {
        var user = await _userPools.SignedInUserAsync("g" + Guid.NewGuid().ToString("N")[..8]);
        var poolId = await _identity.NewIdentityPoolAsync(new JsonObject
        {
            ["CognitoIdentityProviders"] = IdentityPoolSetup.CognitoProvider(user),
        });
        await IdentityPoolSteps.DefaultRolesAsync(factory, _identity, poolId);
        await MapAsync(poolId, user, Rules("Deny", ("email", "Equals", "nobody@example.com", await RoleAsync(poolId))));
        var guest = await _identity.IdentityIdAsync(poolId);
        var before = await IdentityPoolSetup.FingerprintAsync(factory, poolId);

        var response = await _identity.CredentialsAsync(guest, user.Logins);

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal(before, await IdentityPoolSetup.FingerprintAsync(factory, poolId));
    }

    [Fact]
    public async Task RulesMapping_NoRuleMatchesAuthenticatedRole_UsesThePoolsRole()
    {
        var (user, poolId, identityId) = await SignedInAsync();
        await MapAsync(poolId, user, Rules("AuthenticatedRole", ("email", "NotEqual", user.Username + "@example.com",
            await RoleAsync(poolId))));
        var roles = await _identity.CallAsync("GetIdentityPoolRoles", new { IdentityPoolId = poolId });

        var response = await _identity.CredentialsAsync(identityId, user.Logins);

        Assert.Equal(roles["Roles"]!["authenticated"]!.GetValue<string>(), IdentityPoolSteps.SessionOf(factory, response).RoleArn);
    }

    private async Task<(PoolUserLogin User, string PoolId, string IdentityId)> SignedInAsync()
    {
        var user = await _userPools.SignedInUserAsync("u" + Guid.NewGuid().ToString("N")[..8]);
        var poolId = await _identity.NewIdentityPoolAsync(new JsonObject
        {
            ["CognitoIdentityProviders"] = IdentityPoolSetup.CognitoProvider(user),
        });
        await IdentityPoolSteps.DefaultRolesAsync(factory, _identity, poolId);
        return (user, poolId, await _identity.IdentityIdAsync(poolId, user.Logins));
    }

    private async Task<PoolUserLogin> SignInAgainAsync(PoolUserLogin user) =>
        user with { IdToken = await IdentityPoolSetup.SignInAsync(_userPools, user.ClientId, user.Username) };

    private Task<string> RoleAsync(string poolId) =>
        IdentityPoolSetup.CreateRoleAsync(factory, IdentityPoolSetup.CognitoTrust(poolId, "authenticated"));

    private async Task GroupAsync(PoolUserLogin user, string name, string roleArn, int precedence)
    {
        AuthSetup.Ok(await _userPools.CallAsync("CreateGroup",
            new { UserPoolId = user.PoolId, GroupName = name, RoleArn = roleArn, Precedence = precedence }));
        AuthSetup.Ok(await _userPools.CallAsync("AdminAddUserToGroup",
            new { UserPoolId = user.PoolId, user.Username, GroupName = name }));
    }

    private async Task MapAsync(string poolId, PoolUserLogin user, JsonObject mapping)
    {
        var roles = await _identity.CallAsync("GetIdentityPoolRoles", new { IdentityPoolId = poolId });
        await _identity.SetRolesAsync(poolId, roles["Roles"]!["authenticated"]!.GetValue<string>(),
            roles["Roles"]!["unauthenticated"]!.GetValue<string>(),
            new JsonObject { [$"{user.ProviderName}:{user.ClientId}"] = mapping });
    }

    private static JsonObject Rules(string ambiguous, params (string Claim, string MatchType, string Value, string RoleArn)[] rules) =>
        new()
        {
            ["Type"] = "Rules",
            ["AmbiguousRoleResolution"] = ambiguous,
            ["RulesConfiguration"] = new JsonObject
            {
                ["Rules"] = new JsonArray([.. rules.Select(r => (JsonNode)new JsonObject
                {
                    ["Claim"] = r.Claim,
                    ["MatchType"] = r.MatchType,
                    ["Value"] = r.Value,
                    ["RoleARN"] = r.RoleArn,
                })]),
            },
        };
}
