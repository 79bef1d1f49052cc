using Gatehouse.Server.Iam;

namespace Gatehouse.UnitTests.Iam;

public sealed class PolicyVariableTests
{
    private const string Sub = "cognito-identity.amazonaws.com:sub";

    private const string PrivatePrefix =
        """{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::bucket/private/${cognito-identity.amazonaws.com:sub}/*"}""";

    [Theory]
    [InlineData("arn:aws:s3:::bucket/private/us-east-1:aaaa/photo.jpg", new[] { "us-east-1:aaaa" }, nameof(PolicyDecision.Allow))]
    [InlineData("arn:aws:s3:::bucket/private/us-east-1:aaaa/a/b", new[] { "us-east-1:aaaa" }, nameof(PolicyDecision.Allow))]
    [InlineData("arn:aws:s3:::bucket/private/us-east-1:bbbb/photo.jpg", new[] { "us-east-1:aaaa" }, nameof(PolicyDecision.ImplicitDeny))]
    [InlineData("arn:aws:s3:::bucket/private/us-east-1:aaaa/photo.jpg", new[] { "us-east-1:bbbb" }, nameof(PolicyDecision.ImplicitDeny))]
    [InlineData("arn:aws:s3:::bucket/private/us-east-1:aaaa/photo.jpg", null, nameof(PolicyDecision.ImplicitDeny))]
    [InlineData("arn:aws:s3:::bucket/private/us-east-1:aaaa/photo.jpg", new string[0], nameof(PolicyDecision.ImplicitDeny))]
    [InlineData("arn:aws:s3:::bucket/private/us-east-1:aaaa/photo.jpg", new[] { "us-east-1:aaaa", "us-east-1:bbbb" }, nameof(PolicyDecision.ImplicitDeny))]
    [InlineData("arn:aws:s3:::bucket/private//photo.jpg", null, nameof(PolicyDecision.ImplicitDeny))]
    [InlineData("arn:aws:s3:::bucket/private/${cognito-identity.amazonaws.com:sub}/photo.jpg", null, nameof(PolicyDecision.ImplicitDeny))]
    public void Resource_CognitoSubVariable_OnlyThatIdentitysPrefix(string resource, string[]? sub, string expected)
    {
        var context = sub is null ? [] : new[] { (Sub, sub) };

        Assert.Equal(Enum.Parse<PolicyDecision>(expected), Decide("2012-10-17", PrivatePrefix, resource, context));
    }

    [Fact]
    public void Resource_SubstitutedValueIsLiteral_NotAWildcard()
    {
        var statement = """{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/home/${aws:username}/*"}""";

        Assert.Equal(PolicyDecision.ImplicitDeny, Decide("2012-10-17", statement, "arn:aws:s3:::bucket/home/alice/a", ("aws:username", ["*"])));
        Assert.Equal(PolicyDecision.Allow, Decide("2012-10-17", statement, "arn:aws:s3:::bucket/home/*/a", ("aws:username", ["*"])));
        Assert.Equal(PolicyDecision.ImplicitDeny, Decide("2012-10-17", statement, "arn:aws:s3:::bucket/home/al/a", ("aws:username", ["a?"])));
    }

    [Fact]
    public void Resource_KeyNameInVariable_IgnoresCase()
    {
        var statement = """{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/${AWS:UserName}"}""";

        Assert.Equal(PolicyDecision.Allow, Decide("2012-10-17", statement, "arn:aws:s3:::bucket/alice", ("aws:username", ["alice"])));
        Assert.Equal(PolicyDecision.ImplicitDeny, Decide("2012-10-17", statement, "arn:aws:s3:::bucket/Alice", ("aws:username", ["alice"])));
    }

    [Theory]
    [InlineData("2008-10-17", "arn:aws:s3:::bucket/${aws:username}", nameof(PolicyDecision.Allow))]
    [InlineData("2008-10-17", "arn:aws:s3:::bucket/alice", nameof(PolicyDecision.ImplicitDeny))]
    [InlineData("2012-10-17", "arn:aws:s3:::bucket/${aws:username}", nameof(PolicyDecision.ImplicitDeny))]
    [InlineData("2012-10-17", "arn:aws:s3:::bucket/alice", nameof(PolicyDecision.Allow))]
    public void Resource_Version2008_LeavesVariablesAsText(string version, string resource, string expected)
    {
        var statement = """{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/${aws:username}"}""";

        Assert.Equal(Enum.Parse<PolicyDecision>(expected), Decide(version, statement, resource, ("aws:username", ["alice"])));
    }

    [Theory]
    [InlineData("arn:aws:s3:::bucket/${aws:username, 'anonymous'}/*", "arn:aws:s3:::bucket/anonymous/a", null, nameof(PolicyDecision.Allow))]
    [InlineData("arn:aws:s3:::bucket/${aws:username, 'anonymous'}/*", "arn:aws:s3:::bucket/alice/a", "alice", nameof(PolicyDecision.Allow))]
    [InlineData("arn:aws:s3:::bucket/${aws:username, 'anonymous'}/*", "arn:aws:s3:::bucket/anonymous/a", "alice", nameof(PolicyDecision.ImplicitDeny))]
    [InlineData("arn:aws:s3:::bucket/${aws:username,'x y'}", "arn:aws:s3:::bucket/x y", null, nameof(PolicyDecision.Allow))]
    [InlineData("arn:aws:s3:::bucket/${*}", "arn:aws:s3:::bucket/*", null, nameof(PolicyDecision.Allow))]
    [InlineData("arn:aws:s3:::bucket/${*}", "arn:aws:s3:::bucket/x", null, nameof(PolicyDecision.ImplicitDeny))]
    [InlineData("arn:aws:s3:::bucket/${?}", "arn:aws:s3:::bucket/?", null, nameof(PolicyDecision.Allow))]
    [InlineData("arn:aws:s3:::bucket/${?}", "arn:aws:s3:::bucket/x", null, nameof(PolicyDecision.ImplicitDeny))]
    [InlineData("arn:aws:s3:::bucket/${$}{x}", "arn:aws:s3:::bucket/${x}", null, nameof(PolicyDecision.Allow))]
    [InlineData("arn:aws:s3:::bucket/${unclosed", "arn:aws:s3:::bucket/${unclosed", null, nameof(PolicyDecision.Allow))]
    public void Resource_DefaultsAndSpecialCharacters(string pattern, string resource, string? username, string expected)
    {
        var statement = $$"""{"Effect":"Allow","Action":"s3:GetObject","Resource":"{{pattern}}"}""";
        var context = username is null ? [] : new[] { ("aws:username", new[] { username }) };

        Assert.Equal(Enum.Parse<PolicyDecision>(expected), Decide("2012-10-17", statement, resource, context));
    }

    [Fact]
    public void NotResource_UnresolvedVariable_DoesNotApply()
    {
        // An unresolvable NotResource must not widen into "every resource".
        var statement = """{"Effect":"Allow","Action":"s3:GetObject","NotResource":"arn:aws:s3:::bucket/${aws:username}/*"}""";

        Assert.Equal(PolicyDecision.ImplicitDeny, Decide("2012-10-17", statement, "arn:aws:s3:::bucket/bob/a"));
        Assert.Equal(PolicyDecision.Allow, Decide("2012-10-17", statement, "arn:aws:s3:::bucket/bob/a", ("aws:username", ["alice"])));
        Assert.Equal(PolicyDecision.ImplicitDeny, Decide("2012-10-17", statement, "arn:aws:s3:::bucket/alice/a", ("aws:username", ["alice"])));
    }

    [Theory]
    [InlineData(new[] { "red" }, new[] { "red" }, nameof(PolicyDecision.Allow))]
    [InlineData(new[] { "red" }, new[] { "blue" }, nameof(PolicyDecision.ImplicitDeny))]
    [InlineData(null, new[] { "red" }, nameof(PolicyDecision.ImplicitDeny))]
    [InlineData(new[] { "red" }, null, nameof(PolicyDecision.ImplicitDeny))]
    public void Condition_PrincipalTagVariable_ComparesWithResourceTag(string[]? principalTeam, string[]? resourceTeam, string expected)
    {
        var statement = """
            {"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
             "Condition":{"StringEquals":{"aws:ResourceTag/team":"${aws:PrincipalTag/team}"}}}
            """;
        var context = new List<(string, string[])>();
        if (principalTeam is not null)
        {
            context.Add(("aws:PrincipalTag/team", principalTeam));
        }

        if (resourceTeam is not null)
        {
            context.Add(("aws:ResourceTag/team", resourceTeam));
        }

        Assert.Equal(Enum.Parse<PolicyDecision>(expected), Decide("2012-10-17", statement, "*", [.. context]));
    }

    [Theory]
    [InlineData("alice", new[] { "home/alice/docs" }, nameof(PolicyDecision.Allow))]
    [InlineData("alice", new[] { "home/bob/docs" }, nameof(PolicyDecision.ImplicitDeny))]
    [InlineData(null, new[] { "home//docs" }, nameof(PolicyDecision.ImplicitDeny))]
    public void Condition_StringLikeWithVariable_SubstitutesBeforeMatching(string? username, string[] prefix, string expected)
    {
        var statement = """
            {"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::bucket",
             "Condition":{"StringLike":{"s3:prefix":["home/${aws:username}/*"]}}}
            """;
        var context = new List<(string, string[])> { ("s3:prefix", prefix) };
        if (username is not null)
        {
            context.Add(("aws:username", [username]));
        }

        Assert.Equal(Enum.Parse<PolicyDecision>(expected), Decide("2012-10-17", statement, "arn:aws:s3:::bucket", [.. context]));
    }

    [Fact]
    public void Condition_NegatedOperatorWithUnresolvedVariable_DoesNotMatch()
    {
        // StringNotEquals against a value that cannot be computed is not "different from everything".
        var statement = """
            {"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
             "Condition":{"StringNotEquals":{"aws:ResourceTag/owner":"${aws:username}"}}}
            """;

        Assert.Equal(PolicyDecision.ImplicitDeny, Decide("2012-10-17", statement, "*", ("aws:ResourceTag/owner", ["bob"])));
        Assert.Equal(PolicyDecision.Allow, Decide("2012-10-17", statement, "*", ("aws:ResourceTag/owner", ["bob"]), ("aws:username", ["alice"])));
    }

    private static PolicyDecision Decide(
        string version, string statement, string resource, params (string Key, string[] Values)[] context)
    {
        var document = PolicyDocument.Parse($$"""{"Version":"{{version}}","Statement":[{{statement}}]}""", PolicyKind.Identity, out var error);
        Assert.True(document is not null, error);
        var request = new PolicyRequest
        {
            Action = "s3:GetObject",
            Resource = resource,
            Context = context.ToDictionary(c => c.Key, c => (IReadOnlyList<string>)c.Values, StringComparer.OrdinalIgnoreCase),
        };
        return PolicyEvaluator.Evaluate(document, request);
    }
}
