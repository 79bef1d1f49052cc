using Gatehouse.Server.Iam;

namespace Gatehouse.UnitTests.Iam;

public sealed class PolicyConditionTests
{
    private const string Amr = "cognito-identity.amazonaws.com:amr";

    private const string UserPoolAmr = "cognito-idp.us-east-1.amazonaws.com/us-east-1_X";

    [Theory]
    [InlineData("StringEquals", "\"alice\"", new[] { "alice" }, true)]
    [InlineData("StringEquals", "\"alice\"", new[] { "Alice" }, false)]
    [InlineData("StringEquals", "\"alice\"", null, false)]
    [InlineData("StringEquals", "[\"bob\",\"alice\"]", new[] { "alice" }, true)]
    [InlineData("StringEquals", "\"a*\"", new[] { "abc" }, false)]
    [InlineData("StringEquals", "\"a*\"", new[] { "a*" }, true)]
    [InlineData("StringNotEquals", "\"alice\"", new[] { "bob" }, true)]
    [InlineData("StringNotEquals", "\"alice\"", new[] { "alice" }, false)]
    [InlineData("StringNotEquals", "[\"bob\",\"alice\"]", new[] { "alice" }, false)]
    [InlineData("StringNotEquals", "\"alice\"", null, true)]
    [InlineData("StringEqualsIgnoreCase", "\"ALICE\"", new[] { "alice" }, true)]
    [InlineData("StringEqualsIgnoreCase", "\"ALICE\"", new[] { "alicia" }, false)]
    [InlineData("StringNotEqualsIgnoreCase", "\"ALICE\"", new[] { "alice" }, false)]
    [InlineData("StringNotEqualsIgnoreCase", "\"ALICE\"", new[] { "bob" }, true)]
    [InlineData("StringLike", "\"al*c?\"", new[] { "alice" }, true)]
    [InlineData("StringLike", "\"al*c?\"", new[] { "alc" }, false)]
    [InlineData("StringLike", "\"AL*\"", new[] { "alice" }, false)]
    [InlineData("StringNotLike", "\"al*\"", new[] { "bob" }, true)]
    [InlineData("StringNotLike", "\"al*\"", new[] { "alice" }, false)]
    [InlineData("StringNotLike", "\"al*\"", null, true)]
    public void Condition_StringOperators(string op, string values, string[]? request, bool allowed)
    {
        Assert.Equal(allowed, Allows(op, "aws:username", values, request));
    }

    [Theory]
    [InlineData("NumericEquals", "10", new[] { "10" }, true)]
    [InlineData("NumericEquals", "\"10\"", new[] { "10.0" }, true)]
    [InlineData("NumericEquals", "10", new[] { "11" }, false)]
    [InlineData("NumericEquals", "10", new[] { "ten" }, false)]
    [InlineData("NumericEquals", "10", null, false)]
    [InlineData("NumericNotEquals", "10", new[] { "11" }, true)]
    [InlineData("NumericNotEquals", "10", new[] { "10" }, false)]
    [InlineData("NumericNotEquals", "10", new[] { "ten" }, false)]
    [InlineData("NumericNotEquals", "10", null, true)]
    [InlineData("NumericLessThan", "10", new[] { "9" }, true)]
    [InlineData("NumericLessThan", "10", new[] { "10" }, false)]
    [InlineData("NumericLessThan", "10", new[] { "-2.5" }, true)]
    [InlineData("NumericLessThanEquals", "10", new[] { "10" }, true)]
    [InlineData("NumericLessThanEquals", "10", new[] { "10.5" }, false)]
    [InlineData("NumericGreaterThan", "10", new[] { "11" }, true)]
    [InlineData("NumericGreaterThan", "10", new[] { "10" }, false)]
    [InlineData("NumericGreaterThanEquals", "10", new[] { "10" }, true)]
    [InlineData("NumericGreaterThanEquals", "10", new[] { "9" }, false)]
    [InlineData("NumericGreaterThanEquals", "[100,\"10\"]", new[] { "50" }, true)]
    [InlineData("NumericLessThanIfExists", "10", null, true)]
    [InlineData("NumericLessThanIfExists", "10", new[] { "20" }, false)]
    public void Condition_NumericOperators(string op, string values, string[]? request, bool allowed)
    {
        Assert.Equal(allowed, Allows(op, "s3:max-keys", values, request));
    }

    [Theory]
    [InlineData("DateEquals", "\"2024-01-01T00:00:00Z\"", new[] { "2024-01-01T00:00:00Z" }, true)]
    [InlineData("DateEquals", "\"2024-01-01T00:00:00Z\"", new[] { "1704067200" }, true)]
    [InlineData("DateEquals", "\"2024-01-01T01:00:00+01:00\"", new[] { "2024-01-01T00:00:00Z" }, true)]
    [InlineData("DateEquals", "\"2024-01-01T00:00:00Z\"", new[] { "2024-01-01T00:00:01Z" }, false)]
    [InlineData("DateEquals", "\"2024-01-01T00:00:00Z\"", new[] { "not a date" }, false)]
    [InlineData("DateNotEquals", "\"2024-01-01T00:00:00Z\"", new[] { "2024-01-02T00:00:00Z" }, true)]
    [InlineData("DateNotEquals", "\"2024-01-01T00:00:00Z\"", new[] { "1704067200" }, false)]
    [InlineData("DateLessThan", "\"2024-01-01T00:00:00Z\"", new[] { "2023-12-31T23:59:59Z" }, true)]
    [InlineData("DateLessThan", "\"2024-01-01T00:00:00Z\"", new[] { "2024-01-01T00:00:00Z" }, false)]
    [InlineData("DateLessThanEquals", "\"2024-01-01T00:00:00Z\"", new[] { "2024-01-01T00:00:00Z" }, true)]
    [InlineData("DateLessThanEquals", "\"2024-01-01T00:00:00Z\"", new[] { "2024-01-01T00:00:01Z" }, false)]
    [InlineData("DateGreaterThan", "1704067200", new[] { "2024-01-01T00:00:01Z" }, true)]
    [InlineData("DateGreaterThan", "1704067200", new[] { "2024-01-01T00:00:00Z" }, false)]
    [InlineData("DateGreaterThanEquals", "\"2024-01-01\"", new[] { "2024-01-01T00:00:00Z" }, true)]
    [InlineData("DateGreaterThanEquals", "\"2024-01-01\"", new[] { "2023-12-31T23:59:59Z" }, false)]
    [InlineData("DateLessThan", "\"2024-01-01T00:00:00Z\"", null, false)]
    [InlineData("DateLessThanIfExists", "\"2024-01-01T00:00:00Z\"", null, true)]
    public void Condition_DateOperators(string op, string values, string[]? request, bool allowed)
    {
        Assert.Equal(allowed, Allows(op, "aws:CurrentTime", values, request));
    }

    [Theory]
    [InlineData("Bool", "\"true\"", new[] { "true" }, true)]
    [InlineData("Bool", "\"true\"", new[] { "false" }, false)]
    [InlineData("Bool", "true", new[] { "True" }, true)]
    [InlineData("Bool", "false", new[] { "false" }, true)]
    [InlineData("Bool", "\"true\"", new[] { "yes" }, false)]
    [InlineData("Bool", "\"true\"", null, false)]
    [InlineData("BoolIfExists", "\"true\"", null, true)]
    [InlineData("BoolIfExists", "\"true\"", new[] { "false" }, false)]
    public void Condition_BoolOperator(string op, string values, string[]? request, bool allowed)
    {
        Assert.Equal(allowed, Allows(op, "aws:SecureTransport", values, request));
    }

    [Theory]
    [InlineData("BinaryEquals", "\"AQID\"", new[] { "AQID" }, true)]
    [InlineData("BinaryEquals", "\"AQID\"", new[] { "AQIE" }, false)]
    [InlineData("BinaryEquals", "[\"AAAA\",\"AQID\"]", new[] { "AQID" }, true)]
    [InlineData("BinaryEquals", "\"AQID\"", new[] { "not base64!" }, false)]
    [InlineData("BinaryEquals", "\"AQID\"", null, false)]
    [InlineData("BinaryEqualsIfExists", "\"AQID\"", null, true)]
    public void Condition_BinaryOperator(string op, string values, string[]? request, bool allowed)
    {
        Assert.Equal(allowed, Allows(op, "aws:RequestTag/blob", values, request));
    }

    [Trait("SecurityRowPart", "64")]
    [Theory]
    [InlineData("IpAddress", "\"127.0.0.0/8\"", new[] { "127.1.2.3" }, true)]
    [InlineData("IpAddress", "\"127.0.0.0/8\"", new[] { "128.0.0.1" }, false)]
    [InlineData("IpAddress", "\"127.0.0.0/8\"", new[] { "::1" }, false)]
    [InlineData("IpAddress", "\"::1/128\"", new[] { "::1" }, true)]
    [InlineData("IpAddress", "\"::1/128\"", new[] { "::2" }, false)]
    [InlineData("IpAddress", "[\"127.0.0.0/8\",\"::1/128\"]", new[] { "::1" }, true)]
    [InlineData("IpAddress", "\"127.0.0.0/8\"", new[] { "::ffff:127.0.0.1" }, true)]
    [InlineData("IpAddress", "\"2001:db8::/32\"", new[] { "2001:DB8:1234::5" }, true)]
    [InlineData("IpAddress", "\"203.0.113.7/24\"", new[] { "203.0.113.200" }, true)]
    [InlineData("IpAddress", "\"203.0.113.7\"", new[] { "203.0.113.7" }, true)]
    [InlineData("IpAddress", "\"203.0.113.7\"", new[] { "203.0.113.8" }, false)]
    [InlineData("IpAddress", "\"::1\"", new[] { "::1" }, true)]
    [InlineData("IpAddress", "\"0.0.0.0/0\"", new[] { "198.51.100.1" }, true)]
    [InlineData("IpAddress", "\"0.0.0.0/0\"", new[] { "2001:db8::1" }, false)]
    [InlineData("IpAddress", "\"10.0.0.0/33\"", new[] { "10.0.0.1" }, false)]
    [InlineData("IpAddress", "\"127.0.0.0/8\"", new[] { "localhost" }, false)]
    [InlineData("IpAddress", "\"127.0.0.0/8\"", null, false)]
    [InlineData("NotIpAddress", "\"127.0.0.0/8\"", new[] { "10.0.0.1" }, true)]
    [InlineData("NotIpAddress", "\"127.0.0.0/8\"", new[] { "127.0.0.1" }, false)]
    [InlineData("NotIpAddress", "\"127.0.0.0/8\"", null, true)]
    [InlineData("IpAddressIfExists", "\"127.0.0.0/8\"", null, true)]
    public void Condition_IpOperators(string op, string values, string[]? request, bool allowed)
    {
        Assert.Equal(allowed, Allows(op, "aws:SourceIp", values, request));
    }

    [Theory]
    [InlineData("ArnEquals", "\"arn:aws:sns:us-east-1:123456789012:topic\"", new[] { "arn:aws:sns:us-east-1:123456789012:topic" }, true)]
    [InlineData("ArnEquals", "\"arn:aws:sns:us-east-1:123456789012:topic\"", new[] { "arn:aws:sns:us-east-1:123456789012:Topic" }, false)]
    [InlineData("ArnLike", "\"arn:aws:sns:*:123456789012:*\"", new[] { "arn:aws:sns:us-east-1:123456789012:topic" }, true)]
    [InlineData("ArnLike", "\"arn:aws:sns:*:123456789012:*\"", new[] { "arn:aws:sns:us-east-1:210987654321:topic" }, false)]
    [InlineData("ArnLike", "\"arn:aws:s3:::bucket/*\"", new[] { "arn:aws:s3:::bucket/a:b" }, true)]
    [InlineData("ArnLike", "\"arn:aws:sns:*:topic\"", new[] { "arn:aws:sns:us-east-1:123456789012:topic" }, false)]
    [InlineData("ArnLike", "\"arn:aws:sns:*\"", new[] { "arn:aws:sns:us-east-1:123456789012:topic" }, true)]
    [InlineData("ArnLike", "\"arn:aws:iam::123456789012:user/${aws:username}\"", new[] { "arn:aws:iam::123456789012:user/alice" }, true)]
    [InlineData("ArnLike", "\"arn:aws:sns:*:123456789012:*\"", new[] { "not-an-arn" }, false)]
    [InlineData("ArnLike", "\"arn:aws:iam::123456789012:user/${aws:username}\"", new[] { "arn:aws:iam::123456789012:user/bob" }, false)]
    [InlineData("ArnNotEquals", "\"arn:aws:sns:us-east-1:123456789012:topic\"", new[] { "arn:aws:sns:us-east-1:123456789012:other" }, true)]
    [InlineData("ArnNotEquals", "\"arn:aws:sns:us-east-1:123456789012:topic\"", null, true)]
    [InlineData("ArnNotLike", "\"arn:aws:sns:*:123456789012:*\"", new[] { "arn:aws:sns:us-east-1:123456789012:topic" }, false)]
    [InlineData("ArnNotLike", "\"arn:aws:sns:*:123456789012:*\"", new[] { "arn:aws:sqs:us-east-1:123456789012:q" }, true)]
    [InlineData("ArnNotLike", "\"arn:aws:sns:*:123456789012:*\"", new[] { "not-an-arn" }, false)]
    [InlineData("ArnLikeIfExists", "\"arn:aws:sns:*:123456789012:*\"", null, true)]
    public void Condition_ArnOperators(string op, string values, string[]? request, bool allowed)
    {
        Assert.Equal(allowed, Allows(op, "aws:SourceArn", values, request, ("aws:username", ["alice"])));
    }

    [Theory]
    [InlineData("\"true\"", null, true)]
    [InlineData("\"true\"", new[] { "x" }, false)]
    [InlineData("true", null, true)]
    [InlineData("\"false\"", new[] { "x" }, true)]
    [InlineData("\"false\"", null, false)]
    [InlineData("\"false\"", new string[0], false)]
    [InlineData("[\"true\",\"false\"]", null, true)]
    [InlineData("\"maybe\"", null, false)]
    public void Condition_NullOperator_TestsPresence(string values, string[]? request, bool allowed)
    {
        Assert.Equal(allowed, Allows("Null", "aws:TokenIssueTime", values, request));
    }

    [Theory]
    [InlineData("StringEqualsIfExists", "\"alice\"", null, true)]
    [InlineData("StringEqualsIfExists", "\"alice\"", new[] { "alice" }, true)]
    [InlineData("StringEqualsIfExists", "\"alice\"", new[] { "bob" }, false)]
    [InlineData("StringNotEqualsIfExists", "\"alice\"", null, true)]
    [InlineData("StringNotEqualsIfExists", "\"alice\"", new[] { "alice" }, false)]
    [InlineData("StringLikeIfExists", "\"a*\"", new[] { "bob" }, false)]
    [InlineData("stringequals", "\"alice\"", new[] { "alice" }, true)]
    public void Condition_IfExists_TrueWhenKeyAbsent(string op, string values, string[]? request, bool allowed)
    {
        Assert.Equal(allowed, Allows(op, "aws:username", values, request));
    }

    [Theory]
    [InlineData("ForAnyValue:StringLike", "\"authenticated\"", new[] { "authenticated", UserPoolAmr }, true)]
    [InlineData("ForAnyValue:StringLike", "\"cognito-idp.*\"", new[] { "authenticated", UserPoolAmr }, true)]
    [InlineData("ForAnyValue:StringLike", "\"unauthenticated\"", new[] { "authenticated", UserPoolAmr }, false)]
    [InlineData("ForAnyValue:StringLike", "\"authenticated\"", new[] { "unauthenticated" }, false)]
    [InlineData("ForAnyValue:StringLike", "\"authenticated\"", null, false)]
    [InlineData("ForAnyValue:StringLikeIfExists", "\"authenticated\"", null, true)]
    [InlineData("ForAllValues:StringLike", "[\"authenticated\",\"cognito-idp.*\"]", new[] { "authenticated", UserPoolAmr }, true)]
    [InlineData("ForAllValues:StringLike", "\"authenticated\"", new[] { "authenticated", UserPoolAmr }, false)]
    [InlineData("ForAllValues:StringLike", "\"authenticated\"", null, true)]
    [InlineData("ForAllValues:StringLike", "\"authenticated\"", new string[0], true)]
    [InlineData("ForAnyValue:StringNotEquals", "\"authenticated\"", new[] { "authenticated", UserPoolAmr }, true)]
    [InlineData("ForAnyValue:StringNotEquals", "\"authenticated\"", new[] { "authenticated" }, false)]
    [InlineData("ForAllValues:StringNotEquals", "\"unauthenticated\"", new[] { "authenticated", UserPoolAmr }, true)]
    [InlineData("ForAllValues:StringNotEquals", "\"authenticated\"", new[] { "authenticated", UserPoolAmr }, false)]
    [InlineData("StringEquals", "\"authenticated\"", new[] { UserPoolAmr, "authenticated" }, true)]
    [InlineData("StringEquals", "\"unauthenticated\"", new[] { UserPoolAmr, "authenticated" }, false)]
    [InlineData("forallvalues:stringequals", "[\"authenticated\"]", new[] { "authenticated" }, true)]
    public void Condition_SetOperators_OnMultivaluedAmr(string op, string values, string[]? request, bool allowed)
    {
        Assert.Equal(allowed, Allows(op, Amr, values, request));
    }

    [Fact]
    public void Condition_ForAllValuesTagKeys_EveryKeyMustBeListed()
    {
        Assert.True(Allows("ForAllValues:StringEquals", "aws:TagKeys", "[\"team\",\"env\"]", ["env", "team"]));
        Assert.False(Allows("ForAllValues:StringEquals", "aws:TagKeys", "[\"team\",\"env\"]", ["env", "cost"]));
    }

    [Fact]
    public void Condition_KeyNames_IgnoreCase()
    {
        Assert.True(Allows("StringEquals", "AWS:UserName", "\"alice\"", null, ("aws:username", ["alice"])));
        Assert.False(Allows("StringEquals", "AWS:UserName", "\"alice\"", null, ("aws:username", ["bob"])));
    }

    [Theory]
    [InlineData("alice", "127.0.0.1", "true", true)]
    [InlineData("bob", "127.0.0.1", "true", false)]
    [InlineData("alice", "10.0.0.1", "true", false)]
    [InlineData("alice", "127.0.0.1", "false", false)]
    public void Condition_KeysAndOperators_AreAnded(string username, string ip, string secure, bool allowed)
    {
        var condition = """
            {"StringEquals":{"aws:username":"alice","aws:PrincipalType":"User"},
             "IpAddress":{"aws:SourceIp":"127.0.0.0/8"},
             "Bool":{"aws:SecureTransport":"true"}}
            """;
        var context = new[]
        {
            ("aws:username", new[] { username }),
            ("aws:PrincipalType", ["User"]),
            ("aws:SourceIp", [ip]),
            ("aws:SecureTransport", [secure]),
        };

        Assert.Equal(allowed, Evaluate(condition, context) == PolicyDecision.Allow);
    }

    [Fact]
    public void Condition_EmptyConditionBlock_AlwaysHolds()
    {
        Assert.Equal(PolicyDecision.Allow, Evaluate("{}", []));
        Assert.Equal(PolicyDecision.Allow, Evaluate("""{"StringEquals":{}}""", []));
    }

    [Fact]
    public void Request_ContextWithCaseSensitiveComparer_StillIgnoresCase()
    {
        var document = PolicyDocument.Parse(Document("""{"StringEquals":{"aws:username":"alice"}}"""), PolicyKind.Identity, out _);
        var request = new PolicyRequest
        {
            Action = "s3:GetObject",
            Context = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["AWS:USERNAME"] = ["alice"] },
        };

        Assert.NotNull(document);
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate(document, request));
    }

    private static bool Allows(
        string op, string key, string values, string[]? request, params (string Key, string[] Values)[] extra)
    {
        var context = request is null ? extra : [(key, request), .. extra];
        return Evaluate($$$"""{"{{{op}}}":{"{{{key}}}":{{{values}}}}}""", context) == PolicyDecision.Allow;
    }

    private static PolicyDecision Evaluate(string condition, (string Key, string[] Values)[] context)
    {
        var document = PolicyDocument.Parse(Document(condition), PolicyKind.Identity, out var error);
        Assert.True(document is not null, error);
        return PolicyEvaluator.Evaluate(document, new PolicyRequest
        {
            Action = "s3:GetObject",
            Context = context.ToDictionary(c => c.Key, c => (IReadOnlyList<string>)c.Values, StringComparer.OrdinalIgnoreCase),
        });
    }

    private static string Document(string condition) =>
        $$$"""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{{{condition}}}}}""";
}
