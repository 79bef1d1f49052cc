using Gatehouse.Server.Iam;

namespace Gatehouse.UnitTests.Iam;

public sealed class PolicyDocumentTests
{
    private const string Allow = """{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""";

    [Theory]
    [InlineData("not json", "Syntax errors in policy.")]
    [InlineData("[]", "Syntax errors in policy.")]
    [InlineData("""{"Version":"2012-10-17","Statement":[]}""", "Syntax errors in policy.")]
    [InlineData("""{"Version":"2012-10-17","Statement":"x"}""", "Syntax errors in policy.")]
    [InlineData("""{"Version":"2012-10-17","Statement":["x"]}""", "Syntax errors in policy.")]
    [InlineData("""{"Version":"2012-10-17"}""", "Missing required field Statement")]
    [InlineData("""{"Version":"2012-10-17","Foo":1,"Statement":[]}""", "Syntax errors in policy.")]
    [InlineData("""{"Version":"2012-10-18","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}""", "The policy failed legacy parsing")]
    [InlineData("""{"Version":20121017,"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}""", "Syntax errors in policy.")]
    [InlineData("""{"Id":5,"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}""", "Syntax errors in policy.")]
    [InlineData("""{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"},"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}""", "Syntax errors in policy.")]
    [InlineData("""{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*",}}""", "Syntax errors in policy.")]
    [InlineData("""{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*" /* note */}}""", "Syntax errors in policy.")]
    public void Parse_MalformedDocument_ReturnsIamMessage(string json, string message)
    {
        Assert.Null(PolicyDocument.Parse(json, PolicyKind.Identity, out var error));
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("""{"Effects":"Allow","Action":"s3:*","Resource":"*"}""", "Syntax errors in policy.")]
    [InlineData("""{"Effect":"Allow","Effect":"Deny","Action":"s3:*","Resource":"*"}""", "Syntax errors in policy.")]
    [InlineData("""{"Action":"s3:*","Resource":"*"}""", "Missing required field Effect")]
    [InlineData("""{"Effect":"allow","Action":"s3:*","Resource":"*"}""", "The policy failed legacy parsing")]
    [InlineData("""{"Effect":true,"Action":"s3:*","Resource":"*"}""", "Syntax errors in policy.")]
    [InlineData("""{"Effect":"Allow","Action":"s3:*","NotAction":"iam:*","Resource":"*"}""", "Syntax errors in policy.")]
    [InlineData("""{"Effect":"Allow","Resource":"*"}""", "Policy statement must contain actions.")]
    [InlineData("""{"Effect":"Allow","Action":[],"Resource":"*"}""", "Policy statement must contain actions.")]
    [InlineData("""{"Effect":"Allow","Action":5,"Resource":"*"}""", "Syntax errors in policy.")]
    [InlineData("""{"Effect":"Allow","Action":["s3:*",{}],"Resource":"*"}""", "Syntax errors in policy.")]
    [InlineData("""{"Effect":"Allow","Action":"GetObject","Resource":"*"}""", "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.")]
    [InlineData("""{"Effect":"Allow","Action":"s3:*"}""", "Policy statement must contain resources.")]
    [InlineData("""{"Effect":"Allow","Action":"s3:*","Resource":[]}""", "Policy statement must contain resources.")]
    [InlineData("""{"Effect":"Allow","Action":"s3:*","Resource":"*","NotResource":"*"}""", "Syntax errors in policy.")]
    [InlineData("""{"Effect":"Allow","Action":"s3:*","Resource":"bucket/*"}""", "Resource bucket/* must be in ARN format or \"*\".")]
    [InlineData("""{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:bucket"}""", "Resource arn:aws:s3:bucket must be in ARN format or \"*\".")]
    [InlineData("""{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}""", "Policy document should not specify a principal.")]
    [InlineData("""{"Effect":"Deny","NotPrincipal":{"AWS":"*"},"Action":"s3:*","Resource":"*"}""", "Policy document should not specify a principal.")]
    [InlineData("""{"Sid":"read-all","Effect":"Allow","Action":"s3:*","Resource":"*"}""", "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*")]
    [InlineData("""{"Sid":1,"Effect":"Allow","Action":"s3:*","Resource":"*"}""", "Syntax errors in policy.")]
    [InlineData("""{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEqualz":{"aws:username":"a"}}}""", "Syntax errors in policy.")]
    [InlineData("""{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"NullIfExists":{"aws:username":"true"}}}""", "Syntax errors in policy.")]
    [InlineData("""{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"ForAnyValue:Null":{"aws:username":"true"}}}""", "Syntax errors in policy.")]
    [InlineData("""{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":"a"}}""", "Syntax errors in policy.")]
    [InlineData("""{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":[]}""", "Syntax errors in policy.")]
    [InlineData("""{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"username":"a"}}}""", "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.")]
    [InlineData("""{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:username":null}}}""", "Syntax errors in policy.")]
    [InlineData("""{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:username":{"a":1}}}}""", "Syntax errors in policy.")]
    [InlineData("""{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:username":[]}}}""", "Syntax errors in policy.")]
    [InlineData("""{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:username":"a","aws:username":"b"}}}""", "Syntax errors in policy.")]
    public void Parse_MalformedIdentityStatement_ReturnsIamMessage(string statement, string message)
    {
        var json = $$"""{"Version":"2012-10-17","Statement":[{{statement}}]}""";

        Assert.Null(PolicyDocument.Parse(json, PolicyKind.Identity, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void Parse_SessionPolicyWithPrincipal_Refused()
    {
        var json = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}}""";

        Assert.Null(PolicyDocument.Parse(json, PolicyKind.Session, out var error));
        Assert.Equal("Policy document should not specify a principal.", error);
    }

    [Fact]
    public void Parse_DuplicateSid_Refused()
    {
        var json = """{"Statement":[{"Sid":"A","Effect":"Allow","Action":"s3:*","Resource":"*"},{"Sid":"A","Effect":"Deny","Action":"iam:*","Resource":"*"}]}""";

        Assert.Null(PolicyDocument.Parse(json, PolicyKind.Identity, out var error));
        Assert.Equal("Statement IDs (SID) in a single policy must be unique.", error);
    }

    [Theory]
    [InlineData("""{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*"}""", "Has prohibited field Resource")]
    [InlineData("""{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","NotResource":"*"}""", "Has prohibited field NotResource")]
    [InlineData("""{"Effect":"Allow","Action":"sts:AssumeRole"}""", "Missing required field Principal")]
    [InlineData("""{"Effect":"Allow","Principal":"*","NotPrincipal":"*","Action":"sts:AssumeRole"}""", "Syntax errors in policy.")]
    [InlineData("""{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"}}""", "Missing required field Action")]
    [InlineData("""{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"s3:GetObject"}""", "AssumeRole policy may only specify STS AssumeRole actions.")]
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::*:root"},"Action":"sts:AssumeRole"}""", "Invalid principal in policy: \"AWS\":\"arn:aws:iam::*:root\"")]
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":"1234"},"Action":"sts:AssumeRole"}""", "Invalid principal in policy: \"AWS\":\"1234\"")]
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:s3:::bucket"},"Action":"sts:AssumeRole"}""", "Invalid principal in policy: \"AWS\":\"arn:aws:s3:::bucket\"")]
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":["123456789012","arn:aws:iam::123456789012:role/*"]},"Action":"sts:AssumeRole"}""", "Invalid principal in policy: \"AWS\":\"arn:aws:iam::123456789012:role/*\"")]
    [InlineData("""{"Effect":"Allow","Principal":{"Federated":"*"},"Action":"sts:AssumeRoleWithWebIdentity"}""", "Invalid principal in policy: \"Federated\":\"*\"")]
    [InlineData("""{"Effect":"Allow","Principal":{"Friend":"bob"},"Action":"sts:AssumeRole"}""", "Invalid principal in policy: \"Friend\":\"bob\"")]
    [InlineData("""{"Effect":"Allow","Principal":"bob","Action":"sts:AssumeRole"}""", "Invalid principal in policy: \"bob\"")]
    [InlineData("""{"Effect":"Allow","Principal":{},"Action":"sts:AssumeRole"}""", "Invalid principal in policy: {}")]
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":[]},"Action":"sts:AssumeRole"}""", "Syntax errors in policy.")]
    [InlineData("""{"Effect":"Allow","Principal":["*"],"Action":"sts:AssumeRole"}""", "Syntax errors in policy.")]
    public void Parse_MalformedTrustStatement_ReturnsIamMessage(string statement, string message)
    {
        var json = $$"""{"Version":"2012-10-17","Statement":[{{statement}}]}""";

        Assert.Null(PolicyDocument.Parse(json, PolicyKind.Trust, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void Parse_NoVersion_Is2008AndStatementMayBeAnObject()
    {
        var document = PolicyDocument.Parse($$"""{"Id":"doc1","Statement":{{Allow}}}""", PolicyKind.Identity, out var error);

        Assert.Null(error);
        Assert.NotNull(document);
        Assert.Equal("2008-10-17", document.Version);
        Assert.Equal("doc1", document.Id);
        Assert.Single(document.Statements);
        Assert.Equal(PolicyEffect.Allow, document.Statements[0].Effect);
    }

    [Theory]
    [InlineData(nameof(PolicyKind.Identity))]
    [InlineData(nameof(PolicyKind.Session))]
    public void Parse_ValidIdentityDocument_KeepsStatementsInOrder(string kind)
    {
        var json = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Sid": "Read1", "Effect": "Allow", "Action": ["s3:GetObject", "s3:List*"], "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]},
                {"Effect": "Deny", "NotAction": "s3:*", "NotResource": "arn:aws:s3:::b/*", "Condition": {"Bool": {"aws:SecureTransport": false}}}
              ]
            }
            """;

        var document = PolicyDocument.Parse(json, Enum.Parse<PolicyKind>(kind), out var error);

        Assert.Null(error);
        Assert.NotNull(document);
        Assert.Equal("2012-10-17", document.Version);
        Assert.Equal(["Read1", null], document.Statements.Select(s => s.Sid));
        Assert.Equal([PolicyEffect.Allow, PolicyEffect.Deny], document.Statements.Select(s => s.Effect));
    }

    [Theory]
    [InlineData("""{"Sid":"Trust cognito-1","Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":["sts:AssumeRoleWithWebIdentity","sts:TagSession"]}""")]
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":["123456789012","arn:aws:iam::123456789012:role/app","arn:aws:sts::123456789012:assumed-role/app/s1"]},"Action":"sts:*"}""")]
    [InlineData("""{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com","lambda.amazonaws.com"]},"Action":"STS:AssumeRole"}""")]
    [InlineData("""{"Effect":"Deny","NotPrincipal":{"CanonicalUser":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"},"Action":"sts:AssumeRole"}""")]
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}""")]
    public void Parse_ValidTrustStatement_Accepted(string statement)
    {
        var json = $$"""{"Version":"2012-10-17","Statement":[{{statement}}]}""";

        Assert.NotNull(PolicyDocument.Parse(json, PolicyKind.Trust, out var error));
        Assert.Null(error);
    }
}
