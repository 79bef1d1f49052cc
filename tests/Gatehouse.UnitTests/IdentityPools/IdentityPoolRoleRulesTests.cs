using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.IdentityPools;

namespace Gatehouse.UnitTests.IdentityPools;

public sealed class IdentityPoolRoleRulesTests
{
    private const string Account = "000000000000";
    private const string Role = "arn:aws:iam::000000000000:role/R";

    private static readonly IdentityPoolProviders Providers = new()
    {
        SupportedLoginProviders = new Dictionary<string, string> { ["graph.facebook.com"] = "app" },
    };

    [Fact]
    public void Check_SeveralViolations_FirstRuleInOrderWins()
    {
        // A foreign role and a mapping for an unknown provider: the roles are checked first.
        var error = IdentityPoolRoleRules.Check(
            new Dictionary<string, string> { ["authenticated"] = "arn:aws:iam::123456789012:role/R" },
            new Dictionary<string, RoleMapping> { ["accounts.google.com"] = new() { Type = "Token" } },
            Providers, Account);

        Assert.Equal("InvalidParameterException", error?.Type);
        Assert.Contains("123456789012", error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ValidRolesAndMappings_Null()
    {
        var error = IdentityPoolRoleRules.Check(
            new Dictionary<string, string> { ["authenticated"] = Role },
            new Dictionary<string, RoleMapping>
            {
                ["graph.facebook.com"] = new()
                {
                    Type = "Rules",
                    AmbiguousRoleResolution = "Deny",
                    RulesConfiguration = new() { Rules = [new() { Claim = "c", MatchType = "Equals", Value = "v", RoleARN = Role }] },
                },
            },
            Providers, Account);

        Assert.Null(error);
    }

    [Fact]
    public void CleanMappings_NullRulesAndMappings_Dropped()
    {
        var mappings = IdentityPoolRoleRules.CleanMappings(new Dictionary<string, RoleMapping>
        {
            ["a"] = null!,
            ["b"] = new()
            {
                Type = "Rules",
                RulesConfiguration = new() { Rules = [null!, new() { Claim = "c", MatchType = "Equals", Value = "v", RoleARN = Role }] },
            },
        });

        Assert.Equal(["b"], mappings.Keys);
        Assert.Single(mappings["b"].RulesConfiguration!.Rules);
    }
}
