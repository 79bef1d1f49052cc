using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.IdentityPools;

namespace Gatehouse.UnitTests.IdentityPools;

public sealed class RoleResolverTests
{
    private const string Auth = "arn:aws:iam::000000000000:role/auth";
    private const string Unauth = "arn:aws:iam::000000000000:role/unauth";
    private const string Key = "localhost/us-east-1_Pool:client";
    private static readonly Dictionary<string, string> Roles = new() { ["authenticated"] = Auth, ["unauthenticated"] = Unauth };

    [Fact]
    public void Resolve_Guest_UnauthenticatedRole()
    {
        var (role, _, error) = RoleResolver.Resolve(Roles, new Dictionary<string, RoleMapping>(), [], null);

        Assert.Null(error);
        Assert.Equal(Unauth, role);
    }

    [Fact]
    public void Resolve_GuestWithoutGuestRole_InvalidIdentityPoolConfiguration()
    {
        var (_, _, error) = RoleResolver.Resolve(
            new Dictionary<string, string> { ["authenticated"] = Auth }, new Dictionary<string, RoleMapping>(), [], null);

        Assert.Equal("InvalidIdentityPoolConfigurationException", error?.Type);
    }

    [Fact]
    public void Resolve_NoMappingForTheLogin_AuthenticatedRole()
    {
        var (role, _, _) = RoleResolver.Resolve(Roles, Mapping("other:key", Token("Deny")), [Login()], null);

        Assert.Equal(Auth, role);
    }

    [Theory]
    [InlineData(new[] { "r1" }, null, "r1")]
    [InlineData(new[] { "r1", "r2" }, "r2", "r2")]
    [InlineData(new[] { "r1", "r2" }, null, null)]
    [InlineData(new string[0], null, null)]
    public void Resolve_TokenMapping_PreferredElseOnlyRole(string[] roles, string? preferred, string? expected)
    {
        var claims = new Dictionary<string, IReadOnlyList<string>> { ["cognito:roles"] = roles };
        if (preferred is not null)
        {
            claims["cognito:preferred_role"] = [preferred];
        }

        var (role, _, error) = RoleResolver.Resolve(Roles, Mapping(Key, Token("Deny")), [Login(claims)], null);

        Assert.Equal(expected, role);
        Assert.Equal(expected is null ? "NotAuthorizedException" : null, error?.Type);
    }

    [Fact]
    public void Resolve_TokenMappingAmbiguousAuthenticatedRole_PoolsAuthenticatedRole()
    {
        var claims = new Dictionary<string, IReadOnlyList<string>> { ["cognito:roles"] = ["r1", "r2"] };

        var (role, _, _) = RoleResolver.Resolve(Roles, Mapping(Key, Token("AuthenticatedRole")), [Login(claims)], null);

        Assert.Equal(Auth, role);
    }

    [Theory]
    [InlineData("r2", "r2", null)]
    [InlineData("r3", null, "InvalidParameterException")]
    public void Resolve_CustomRoleArn_MustBeOneOfTheTokensRoles(string custom, string? expected, string? errorType)
    {
        var claims = new Dictionary<string, IReadOnlyList<string>>
        {
            ["cognito:roles"] = ["r1", "r2"],
            ["cognito:preferred_role"] = ["r1"],
        };

        var (role, _, error) = RoleResolver.Resolve(Roles, Mapping(Key, Token("Deny")), [Login(claims)], custom);

        Assert.Equal(expected, role);
        Assert.Equal(errorType, error?.Type);
    }

    [Theory]
    [InlineData("Equals", "admin", true)]
    [InlineData("Equals", "adm", false)]
    [InlineData("Contains", "dmi", true)]
    [InlineData("StartsWith", "ad", true)]
    [InlineData("StartsWith", "min", false)]
    [InlineData("NotEqual", "admin", false)]
    [InlineData("NotEqual", "guest", true)]
    public void Matches_OnEachMatchType(string matchType, string value, bool expected)
    {
        var rule = new MappingRule { Claim = "custom:team", MatchType = matchType, Value = value, RoleARN = "r" };

        Assert.Equal(expected, RoleResolver.Matches(rule, Login(new() { ["custom:team"] = ["admin"] })));
    }

    [Fact]
    public void Matches_MultiValuedClaim_AnyValueMatches_MissingClaimNever()
    {
        var login = Login(new() { ["cognito:groups"] = ["readers", "admins"] });

        Assert.True(RoleResolver.Matches(new MappingRule
        {
            Claim = "cognito:groups",
            MatchType = "Equals",
            Value = "admins",
            RoleARN = "r",
        }, login));
        Assert.False(RoleResolver.Matches(new MappingRule
        {
            Claim = "email",
            MatchType = "NotEqual",
            Value = "x",
            RoleARN = "r",
        }, login));
    }

    [Fact]
    public void Resolve_RulesMapping_FirstMatchingRuleWins_NoneMatchingDenies()
    {
        var login = Login(new() { ["email"] = ["a@example.com"] });
        var rules = new RoleMapping
        {
            Type = "Rules",
            AmbiguousRoleResolution = "Deny",
            RulesConfiguration = new RulesConfigurationType
            {
                Rules =
                [
                    new MappingRule { Claim = "email", MatchType = "StartsWith", Value = "b", RoleARN = "r1" },
                    new MappingRule { Claim = "email", MatchType = "Contains", Value = "@", RoleARN = "r2" },
                    new MappingRule { Claim = "email", MatchType = "Contains", Value = "example", RoleARN = "r3" },
                ],
            },
        };
        var none = Login(new() { ["email"] = ["nobody"] });

        Assert.Equal("r2", RoleResolver.Resolve(Roles, Mapping(Key, rules), [login], null).RoleArn);
        Assert.Equal("NotAuthorizedException", RoleResolver.Resolve(Roles, Mapping(Key, rules), [none], null).Error?.Type);
    }

    private static RoleMapping Token(string ambiguous) => new() { Type = "Token", AmbiguousRoleResolution = ambiguous };

    private static Dictionary<string, RoleMapping> Mapping(string key, RoleMapping mapping) => new() { [key] = mapping };

    private static VerifiedLogin Login(Dictionary<string, IReadOnlyList<string>>? claims = null) =>
        new("localhost/us-east-1_Pool", "sub-1", Key, claims ?? [], ["localhost/us-east-1_Pool"]);
}
