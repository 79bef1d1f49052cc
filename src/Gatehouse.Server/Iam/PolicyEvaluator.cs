namespace Gatehouse.Server.Iam;

/// <summary>
/// IAM's decision rules (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
/// "an explicit deny in any of these policies overrides the allow"; without a matching Allow the request is
/// implicitly denied.
/// </summary>
internal static class PolicyEvaluator
{
    /// <summary>
    /// ExplicitDeny if a Deny statement applies, else Allow if an Allow statement does, else ImplicitDeny.
    /// </summary>
    public static PolicyDecision Evaluate(PolicyDocument document, PolicyRequest request)
    {
        var allowed = false;
        foreach (var statement in document.Statements)
        {
            // Once allowed, only a Deny can change the answer, so further Allow statements need no look.
            if (allowed && statement.Effect == PolicyEffect.Allow)
            {
                continue;
            }

            if (statement.Matches(request))
            {
                if (statement.Effect == PolicyEffect.Deny)
                {
                    return PolicyDecision.ExplicitDeny;
                }

                allowed = true;
            }
        }

        return allowed ? PolicyDecision.Allow : PolicyDecision.ImplicitDeny;
    }

    /// <summary>
    /// A role session: an explicit deny in any identity or session policy wins; otherwise the request is allowed only
    /// if some identity policy allows it and, when session policies were passed, each of them allows it too. Session
    /// policies "limit the permissions that the role or user's identity-based policy grants to the session"; they
    /// never grant (access_policies.html, "Session policies").
    /// </summary>
    public static PolicyDecision EvaluateSession(
        IReadOnlyList<PolicyDocument> identityPolicies,
        IReadOnlyList<PolicyDocument> sessionPolicies,
        PolicyRequest request)
    {
        var identityAllows = false;
        foreach (var policy in identityPolicies)
        {
            switch (Evaluate(policy, request))
            {
                case PolicyDecision.ExplicitDeny:
                    return PolicyDecision.ExplicitDeny;
                case PolicyDecision.Allow:
                    identityAllows = true;
                    break;
            }
        }

        var sessionAllows = true;
        foreach (var policy in sessionPolicies)
        {
            switch (Evaluate(policy, request))
            {
                case PolicyDecision.ExplicitDeny:
                    return PolicyDecision.ExplicitDeny;
                case PolicyDecision.ImplicitDeny:
                    sessionAllows = false;
                    break;
            }
        }

        return identityAllows && sessionAllows ? PolicyDecision.Allow : PolicyDecision.ImplicitDeny;
    }
}
