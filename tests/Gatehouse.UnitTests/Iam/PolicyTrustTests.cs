using Gatehouse.Server.Iam;

namespace Gatehouse.UnitTests.Iam;

public sealed class PolicyTrustTests
{
    private const string PoolId = "us-east-1:11111111-2222-3333-4444-555555555555";

    private const string Aud = "cognito-identity.amazonaws.com:aud";

    private const string Amr = "cognito-identity.amazonaws.com:amr";

    // The trust policy the Cognito console writes for an identity pool's authenticated role.
    private const string CognitoAuthenticatedTrust = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
         "Principal":{"Federated":"cognito-identity.amazonaws.com"},
         "Action":"sts:AssumeRoleWithWebIdentity",
         "Condition":{"StringEquals":{"cognito-identity.amazonaws.com:aud":"us-east-1:11111111-2222-3333-4444-555555555555"},
                      "ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"authenticated"}}}]}
        """;

    private static readonly PolicyPrincipal CognitoIdentity = new("Federated", "cognito-identity.amazonaws.com");

    [Fact]
    public void CognitoTrust_RightAudienceAndAuthenticatedAmr_Allows()
    {
        var request = AssumeRole(CognitoIdentity, PoolId, ["authenticated", "cognito-idp.us-east-1.amazonaws.com/us-east-1_X"]);

        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate(Trust(CognitoAuthenticatedTrust), request));
    }

    [Theory]
    [InlineData("us-east-1:99999999-2222-3333-4444-555555555555", new[] { "authenticated" }, "cognito-identity.amazonaws.com")]
    [InlineData(PoolId, new[] { "unauthenticated" }, "cognito-identity.amazonaws.com")]
    [InlineData(PoolId, new string[0], "cognito-identity.amazonaws.com")]
    [InlineData(null, new[] { "authenticated" }, "cognito-identity.amazonaws.com")]
    [InlineData(PoolId, new[] { "authenticated" }, "accounts.google.com")]
    public void CognitoTrust_WrongAudienceAmrOrPrincipal_ImplicitDeny(string? aud, string[] amr, string provider)
    {
        var request = AssumeRole(new PolicyPrincipal("Federated", provider), aud, amr);

        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate(Trust(CognitoAuthenticatedTrust), request));
    }

    [Fact]
    public void CognitoTrust_ProviderHostAndActionCase_Ignored()
    {
        var request = AssumeRole(new PolicyPrincipal("Federated", "Cognito-Identity.AmazonAWS.com"), PoolId, ["authenticated"]);
        var upperAction = new PolicyRequest { Action = "STS:assumerolewithwebidentity", Principal = CognitoIdentity, Context = request.Context };

        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate(Trust(CognitoAuthenticatedTrust), request));
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate(Trust(CognitoAuthenticatedTrust), upperAction));
    }

    [Fact]
    public void CognitoTrust_OtherActionOrPrincipalType_ImplicitDeny()
    {
        var context = AssumeRole(CognitoIdentity, PoolId, ["authenticated"]).Context;
        var assumeRole = new PolicyRequest { Action = "sts:AssumeRole", Principal = CognitoIdentity, Context = context };
        var awsTyped = new PolicyRequest
        {
            Action = "sts:AssumeRoleWithWebIdentity",
            Principal = new PolicyPrincipal("AWS", "cognito-identity.amazonaws.com"),
            Context = context,
        };
        var anonymous = new PolicyRequest { Action = "sts:AssumeRoleWithWebIdentity", Context = context };

        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate(Trust(CognitoAuthenticatedTrust), assumeRole));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate(Trust(CognitoAuthenticatedTrust), awsTyped));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate(Trust(CognitoAuthenticatedTrust), anonymous));
    }

    [Theory]
    [InlineData("\"*\"", "AWS", "arn:aws:iam::123456789012:user/alice", true)]
    [InlineData("\"*\"", "Federated", "accounts.google.com", true)]
    [InlineData("{\"AWS\":\"*\"}", "AWS", "arn:aws:iam::123456789012:user/alice", true)]
    [InlineData("{\"AWS\":\"*\"}", "Federated", "accounts.google.com", false)]
    [InlineData("{\"AWS\":\"123456789012\"}", "AWS", "arn:aws:iam::123456789012:root", true)]
    [InlineData("{\"AWS\":\"123456789012\"}", "AWS", "123456789012", true)]
    [InlineData("{\"AWS\":\"123456789012\"}", "AWS", "arn:aws:iam::123456789012:user/alice", true)]
    [InlineData("{\"AWS\":\"123456789012\"}", "AWS", "arn:aws:sts::123456789012:assumed-role/app/s1", true)]
    [InlineData("{\"AWS\":\"123456789012\"}", "AWS", "arn:aws:iam::210987654321:root", false)]
    [InlineData("{\"AWS\":\"arn:aws:iam::123456789012:root\"}", "AWS", "arn:aws:iam::123456789012:role/app", true)]
    [InlineData("{\"AWS\":\"arn:aws:iam::123456789012:role/app\"}", "AWS", "arn:aws:iam::123456789012:role/app", true)]
    [InlineData("{\"AWS\":\"arn:aws:iam::123456789012:role/app\"}", "AWS", "arn:aws:iam::123456789012:role/other", false)]
    [InlineData("{\"AWS\":\"arn:aws:iam::123456789012:role/app\"}", "AWS", "arn:aws:iam::123456789012:root", false)]
    [InlineData("{\"AWS\":\"arn:aws:iam::123456789012:role/app\"}", "AWS", "arn:aws:iam::123456789012:role/APP", false)]
    [InlineData("{\"Service\":\"ec2.amazonaws.com\"}", "Service", "ec2.amazonaws.com", true)]
    [InlineData("{\"Service\":\"ec2.amazonaws.com\"}", "Service", "lambda.amazonaws.com", false)]
    [InlineData("{\"Service\":\"ec2.amazonaws.com\"}", "AWS", "ec2.amazonaws.com", false)]
    [InlineData("{\"Federated\":[\"accounts.google.com\",\"cognito-identity.amazonaws.com\"]}", "Federated", "cognito-identity.amazonaws.com", true)]
    [InlineData("{\"Federated\":\"cognito-identity.amazonaws.com\",\"Service\":\"ec2.amazonaws.com\"}", "Service", "ec2.amazonaws.com", true)]
    [InlineData("{\"CanonicalUser\":\"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be\"}", "CanonicalUser", "79A59DF900B949E55D96A1E698FBACEDFD6E09D98EACF8F8D5218E7CD47EF2BE", false)]
    public void Principal_MatchesAsIamDoes(string principal, string type, string id, bool allowed)
    {
        var document = Trust($$$"""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{{{principal}}},"Action":"sts:AssumeRole"}}""");
        var request = new PolicyRequest { Action = "sts:AssumeRole", Principal = new PolicyPrincipal(type, id) };

        Assert.Equal(allowed ? PolicyDecision.Allow : PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate(document, request));
    }

    [Fact]
    public void Principal_StarMatchesAnonymous_SpecificPrincipalDoesNot()
    {
        var everyone = Trust("""{"Statement":{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}}""");
        var account = Trust("""{"Statement":{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"sts:AssumeRole"}}""");
        var anonymous = new PolicyRequest { Action = "sts:AssumeRole" };

        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate(everyone, anonymous));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate(account, anonymous));
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/admin", nameof(PolicyDecision.Allow))]
    [InlineData("arn:aws:iam::123456789012:role/app", nameof(PolicyDecision.ExplicitDeny))]
    public void NotPrincipal_DeniesEveryoneElse(string caller, string expected)
    {
        var document = Trust("""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"sts:AssumeRole"},
              {"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::123456789012:role/admin"},"Action":"sts:AssumeRole"}]}
            """);
        var request = new PolicyRequest { Action = "sts:AssumeRole", Principal = new PolicyPrincipal("AWS", caller) };

        Assert.Equal(Enum.Parse<PolicyDecision>(expected), PolicyEvaluator.Evaluate(document, request));
    }

    private static PolicyDocument Trust(string json)
    {
        var document = PolicyDocument.Parse(json, PolicyKind.Trust, out var error);
        Assert.True(document is not null, error);
        return document;
    }

    private static PolicyRequest AssumeRole(PolicyPrincipal principal, string? aud, string[] amr)
    {
        var context = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase) { [Amr] = amr };
        if (aud is not null)
        {
            context[Aud] = [aud];
        }

        return new PolicyRequest { Action = "sts:AssumeRoleWithWebIdentity", Principal = principal, Context = context };
    }
}
