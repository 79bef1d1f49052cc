using Gatehouse.Server.Iam;

namespace Gatehouse.UnitTests.Iam;

public sealed class PolicyEvaluatorTests
{
    private const string ReadBucket =
        """{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::bucket","arn:aws:s3:::bucket/*"]}""";

    [Theory]
    [InlineData("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""", "s3:GetObject", nameof(PolicyDecision.Allow))]
    [InlineData("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""", "s3:PutObject", nameof(PolicyDecision.ImplicitDeny))]
    [InlineData("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""", "S3:GETOBJECT", nameof(PolicyDecision.Allow))]
    [InlineData("""{"Effect":"Allow","Action":"S3:getobject","Resource":"*"}""", "s3:GetObject", nameof(PolicyDecision.Allow))]
    [InlineData("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""", "s3:GetObjectAcl", nameof(PolicyDecision.ImplicitDeny))]
    [InlineData("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""", "ec2:GetObject", nameof(PolicyDecision.ImplicitDeny))]
    [InlineData("""{"Effect":"Allow","Action":"*","Resource":"*"}""", "iam:CreateUser", nameof(PolicyDecision.Allow))]
    [InlineData("""{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}""", "s3:GetObjectAcl", nameof(PolicyDecision.Allow))]
    [InlineData("""{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}""", "s3:PutObject", nameof(PolicyDecision.ImplicitDeny))]
    [InlineData("""{"Effect":"Allow","Action":"s3:Get?bject","Resource":"*"}""", "s3:GetObject", nameof(PolicyDecision.Allow))]
    [InlineData("""{"Effect":"Allow","Action":"s3:Get?bject","Resource":"*"}""", "s3:GetObbject", nameof(PolicyDecision.ImplicitDeny))]
    [InlineData("""{"Effect":"Allow","Action":"*:Describe*","Resource":"*"}""", "ec2:DescribeInstances", nameof(PolicyDecision.Allow))]
    [InlineData("""{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}""", "s3:GetObject", nameof(PolicyDecision.Allow))]
    [InlineData("""{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}""", "IAM:CreateUser", nameof(PolicyDecision.ImplicitDeny))]
    [InlineData("""{"Effect":"Allow","NotAction":["iam:*","sts:*"],"Resource":"*"}""", "sts:AssumeRole", nameof(PolicyDecision.ImplicitDeny))]
    [InlineData("""{"Effect":"Deny","Action":"s3:GetObject","Resource":"*"}""", "s3:GetObject", nameof(PolicyDecision.ExplicitDeny))]
    [InlineData("""{"Effect":"Deny","Action":"s3:GetObject","Resource":"*"}""", "s3:PutObject", nameof(PolicyDecision.ImplicitDeny))]
    public void Evaluate_ActionPatterns_MatchIgnoringCase(string statement, string action, string expected)
    {
        Assert.Equal(Enum.Parse<PolicyDecision>(expected), Decide(statement, action, "arn:aws:s3:::bucket/key"));
    }

    [Theory]
    [InlineData("arn:aws:s3:::bucket", nameof(PolicyDecision.Allow))]
    [InlineData("arn:aws:s3:::bucket/a/b.txt", nameof(PolicyDecision.Allow))]
    [InlineData("arn:aws:s3:::bucket2/a", nameof(PolicyDecision.ImplicitDeny))]
    [InlineData("arn:aws:s3:::BUCKET/a", nameof(PolicyDecision.ImplicitDeny))]
    [InlineData("arn:aws:s3:::other/a", nameof(PolicyDecision.ImplicitDeny))]
    public void Evaluate_ResourceList_MatchesCaseSensitively(string resource, string expected)
    {
        Assert.Equal(Enum.Parse<PolicyDecision>(expected), Decide(ReadBucket, "s3:GetObject", resource));
    }

    [Theory]
    [InlineData("arn:aws:s3:::bucket/?.txt", "arn:aws:s3:::bucket/a.txt", nameof(PolicyDecision.Allow))]
    [InlineData("arn:aws:s3:::bucket/?.txt", "arn:aws:s3:::bucket/ab.txt", nameof(PolicyDecision.ImplicitDeny))]
    [InlineData("arn:aws:s3:::bucket/*.txt", "arn:aws:s3:::bucket/a/b.txt", nameof(PolicyDecision.Allow))]
    [InlineData("arn:aws:s3:::bucket/*.txt", "arn:aws:s3:::bucket/a/b.txt.gz", nameof(PolicyDecision.ImplicitDeny))]
    [InlineData("arn:aws:dynamodb:*:123456789012:table/*", "arn:aws:dynamodb:us-east-1:123456789012:table/t", nameof(PolicyDecision.Allow))]
    [InlineData("arn:aws:dynamodb:*:123456789012:table/*", "arn:aws:dynamodb:us-east-1:210987654321:table/t", nameof(PolicyDecision.ImplicitDeny))]
    [InlineData("*", "anything at all", nameof(PolicyDecision.Allow))]
    public void Evaluate_ResourceWildcards(string pattern, string resource, string expected)
    {
        var statement = $$"""{"Effect":"Allow","Action":"s3:GetObject","Resource":"{{pattern}}"}""";

        Assert.Equal(Enum.Parse<PolicyDecision>(expected), Decide(statement, "s3:GetObject", resource));
    }

    [Trait("SecurityRowPart", "64")]
    [Theory]
    [InlineData("arn:aws:s3:::public/a", nameof(PolicyDecision.Allow))]
    [InlineData("arn:aws:s3:::secret/a", nameof(PolicyDecision.ImplicitDeny))]
    public void Evaluate_NotResource_MatchesEverythingElse(string resource, string expected)
    {
        var statement = """{"Effect":"Allow","Action":"s3:GetObject","NotResource":"arn:aws:s3:::secret/*"}""";

        Assert.Equal(Enum.Parse<PolicyDecision>(expected), Decide(statement, "s3:GetObject", resource));
    }

    [Trait("SecurityRowPart", "64")]
    [Theory]
    [InlineData("s3:GetObject", "arn:aws:s3:::bucket/a", nameof(PolicyDecision.Allow))]
    [InlineData("s3:DeleteObject", "arn:aws:s3:::bucket/a", nameof(PolicyDecision.ExplicitDeny))]
    [InlineData("s3:GetObject", "arn:aws:s3:::bucket/locked/a", nameof(PolicyDecision.ExplicitDeny))]
    [InlineData("iam:CreateUser", "*", nameof(PolicyDecision.ImplicitDeny))]
    public void Evaluate_ExplicitDenyBeatsAllow(string action, string resource, string expected)
    {
        var statements = """
            {"Effect":"Allow","Action":"s3:*","Resource":"*"},
            {"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"},
            {"Effect":"Deny","Action":"*","Resource":"arn:aws:s3:::bucket/locked/*"}
            """;

        Assert.Equal(Enum.Parse<PolicyDecision>(expected), Decide(statements, action, resource));
    }

    [Fact]
    public void Evaluate_DenyAfterAllow_StillChecked()
    {
        // The Allow comes first; the evaluator must not stop at it.
        var statements = """
            {"Effect":"Allow","Action":"s3:*","Resource":"*"},
            {"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
            {"Effect":"Deny","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}
            """;

        Assert.Equal(PolicyDecision.ExplicitDeny, Decide(statements, "s3:GetObject", "*", ("aws:SecureTransport", ["false"])));
        Assert.Equal(PolicyDecision.Allow, Decide(statements, "s3:GetObject", "*", ("aws:SecureTransport", ["true"])));
    }

    [Theory]
    [InlineData("s3:GetObject", nameof(PolicyDecision.Allow))]
    [InlineData("s3:PutObject", nameof(PolicyDecision.ImplicitDeny))]
    [InlineData("ec2:RunInstances", nameof(PolicyDecision.ImplicitDeny))]
    public void EvaluateSession_SessionPolicyScopesDown(string action, string expected)
    {
        var identity = Parse("""{"Effect":"Allow","Action":"s3:*","Resource":"*"}""");
        var session = Parse("""{"Effect":"Allow","Action":["s3:GetObject","ec2:*"],"Resource":"*"}""", PolicyKind.Session);

        Assert.Equal(Enum.Parse<PolicyDecision>(expected), PolicyEvaluator.EvaluateSession([identity], [session], Request(action)));
    }

    [Fact]
    public void EvaluateSession_NoSessionPolicies_IdentityDecides()
    {
        var identity = Parse("""{"Effect":"Allow","Action":"s3:*","Resource":"*"}""");

        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.EvaluateSession([identity], [], Request("s3:PutObject")));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.EvaluateSession([identity], [], Request("sqs:SendMessage")));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.EvaluateSession([], [], Request("s3:PutObject")));
    }

    [Fact]
    public void EvaluateSession_SessionPolicyAloneGrantsNothing()
    {
        var identity = Parse("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""");
        var session = Parse("""{"Effect":"Allow","Action":"*","Resource":"*"}""", PolicyKind.Session);

        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.EvaluateSession([identity], [session], Request("s3:PutObject")));
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.EvaluateSession([identity], [session], Request("s3:GetObject")));
    }

    [Fact]
    public void EvaluateSession_AnyExplicitDenyWins()
    {
        var allowAll = Parse("""{"Effect":"Allow","Action":"*","Resource":"*"}""");
        var denyPut = Parse("""{"Effect":"Deny","Action":"s3:PutObject","Resource":"*"}""");

        Assert.Equal(PolicyDecision.ExplicitDeny, PolicyEvaluator.EvaluateSession([allowAll, denyPut], [allowAll], Request("s3:PutObject")));
        Assert.Equal(PolicyDecision.ExplicitDeny, PolicyEvaluator.EvaluateSession([allowAll], [allowAll, denyPut], Request("s3:PutObject")));
        Assert.Equal(PolicyDecision.ExplicitDeny, PolicyEvaluator.EvaluateSession([], [denyPut], Request("s3:PutObject")));
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.EvaluateSession([allowAll, denyPut], [allowAll], Request("s3:GetObject")));
    }

    [Fact]
    public void EvaluateSession_SessionPoliciesGrantTogether_WithinTheIdentityGrant()
    {
        var identity = Parse("""{"Effect":"Allow","Action":"s3:*","Resource":"*"}""");
        var getOnly = Parse("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""", PolicyKind.Session);
        var putAndSqs = Parse("""{"Effect":"Allow","Action":["s3:PutObject","sqs:*"],"Resource":"*"}""", PolicyKind.Session);

        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.EvaluateSession([identity], [getOnly, putAndSqs], Request("s3:PutObject")));
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.EvaluateSession([identity], [getOnly, putAndSqs], Request("s3:GetObject")));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.EvaluateSession([identity], [getOnly, putAndSqs], Request("sqs:SendMessage")));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.EvaluateSession([identity], [getOnly, putAndSqs], Request("s3:DeleteObject")));
    }

    [Fact]
    public void Evaluate_OneDocumentManyThreads_SameAnswers()
    {
        var document = Parse("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/${aws:username}/*"}""");

        var wrong = 0;
        Parallel.For(0, 20_000, i =>
        {
            var user = "user" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var own = Request("s3:GetObject", $"arn:aws:s3:::bucket/{user}/a", ("aws:username", [user]));
            var other = Request("s3:GetObject", $"arn:aws:s3:::bucket/x{user}/a", ("aws:username", [user]));
            if (PolicyEvaluator.Evaluate(document, own) != PolicyDecision.Allow
                || PolicyEvaluator.Evaluate(document, other) != PolicyDecision.ImplicitDeny)
            {
                Interlocked.Increment(ref wrong);
            }
        });

        Assert.Equal(0, wrong);
    }

    private static PolicyDecision Decide(
        string statements, string action, string resource, params (string Key, string[] Values)[] context) =>
        PolicyEvaluator.Evaluate(Parse(statements), Request(action, resource, context));

    private static PolicyDocument Parse(string statements, PolicyKind kind = PolicyKind.Identity)
    {
        var document = PolicyDocument.Parse($$"""{"Version":"2012-10-17","Statement":[{{statements}}]}""", kind, out var error);
        Assert.True(document is not null, error);
        return document;
    }

    private static PolicyRequest Request(string action, string resource = "*", params (string Key, string[] Values)[] context) =>
        new()
        {
            Action = action,
            Resource = resource,
            Context = context.ToDictionary(c => c.Key, c => (IReadOnlyList<string>)c.Values, StringComparer.OrdinalIgnoreCase),
        };
}
