using Gatehouse.Server.Iam;
using Gatehouse.Server.IdentityPools;

namespace Gatehouse.UnitTests.IdentityPools;

/// <summary>The console's default-role policies, read by the IAM policy engine as STS and the resource servers read them.</summary>
public sealed class IdentityPoolDefaultRolePoliciesTests
{
    private const string Pool = "us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    [Theory]
    [InlineData("authenticated", Pool, "authenticated", true)]
    [InlineData("authenticated", Pool, "unauthenticated", false)]
    [InlineData("unauthenticated", Pool, "unauthenticated", true)]
    [InlineData("unauthenticated", Pool, "authenticated", false)]
    [InlineData("authenticated", "us-east-1:99999999-9999-9999-9999-999999999999", "authenticated", false)]
    public void Trust_WebIdentityOfPoolAndKind_OnlyThatOneAllowed(string role, string aud, string amr, bool allowed)
    {
        var trust = PolicyDocument.Parse(DefaultRolePolicies.Trust(Pool, role), PolicyKind.Trust, out var error);
        Assert.Null(error);

        var decision = PolicyEvaluator.Evaluate(trust!, new PolicyRequest
        {
            Action = "sts:AssumeRoleWithWebIdentity",
            Principal = new PolicyPrincipal("Federated", "cognito-identity.amazonaws.com"),
            Context = new Dictionary<string, IReadOnlyList<string>>
            {
                ["cognito-identity.amazonaws.com:aud"] = [aud],
                ["cognito-identity.amazonaws.com:amr"] = [amr, "cognito-identity.amazonaws.com"],
            },
        });

        Assert.Equal(allowed ? PolicyDecision.Allow : PolicyDecision.ImplicitDeny, decision);
    }

    [Fact]
    public void Trust_OtherFederatedProvider_NotAllowed()
    {
        var trust = PolicyDocument.Parse(DefaultRolePolicies.Trust(Pool, "authenticated"), PolicyKind.Trust, out _);

        var decision = PolicyEvaluator.Evaluate(trust!, new PolicyRequest
        {
            Action = "sts:AssumeRoleWithWebIdentity",
            Principal = new PolicyPrincipal("Federated", "accounts.google.com"),
            Context = new Dictionary<string, IReadOnlyList<string>>
            {
                ["cognito-identity.amazonaws.com:aud"] = [Pool],
                ["cognito-identity.amazonaws.com:amr"] = ["authenticated"],
            },
        });

        Assert.Equal(PolicyDecision.ImplicitDeny, decision);
    }

    [Theory]
    [InlineData("authenticated", "cognito-identity:GetCredentialsForIdentity", true)]
    [InlineData("unauthenticated", "cognito-identity:GetCredentialsForIdentity", false)]
    [InlineData("unauthenticated", "cognito-sync:ListRecords", true)]
    [InlineData("unauthenticated", "mobileanalytics:PutEvents", true)]
    [InlineData("authenticated", "s3:GetObject", false)]
    public void Permissions_ConsoleDefaults_AllowOnlyTheirActions(string role, string action, bool allowed)
    {
        var permissions = PolicyDocument.Parse(DefaultRolePolicies.Permissions(role), PolicyKind.Identity, out var error);
        Assert.Null(error);

        Assert.Equal(allowed ? PolicyDecision.Allow : PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate(permissions!, new PolicyRequest { Action = action, Resource = "*" }));
    }
}
