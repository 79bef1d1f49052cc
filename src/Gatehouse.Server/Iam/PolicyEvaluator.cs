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
        // Index loops: foreach over an IReadOnlyList boxes an enumerator on every decision.
        var allowed = false;
        var statements = document.Statements;
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
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
    /// if some identity policy allows it and, when session policies were passed, some session policy allows it too.
    /// Session policies "limit the permissions that the role or user's identity-based policy grants to the session"
    /// and never grant (access_policies.html, "Session policies"); the inline policy and the managed policy ARNs of one
    /// request are one set of session policies, so the session's permissions are the intersection of the identity
    /// policies' grant with the union of the session policies' grants.
    /// </summary>
    public static PolicyDecision EvaluateSession(
        IReadOnlyList<PolicyDocument> identityPolicies,
        IReadOnlyList<PolicyDocument> sessionPolicies,
        PolicyRequest request)
    {
        var identityAllows = false;
        for (var i = 0; i < identityPolicies.Count; i++)
        {
            switch (Evaluate(identityPolicies[i], request))
            {
                case PolicyDecision.ExplicitDeny:
                    return PolicyDecision.ExplicitDeny;
                case PolicyDecision.Allow:
                    identityAllows = true;
                    break;
            }
        }

        var sessionAllows = sessionPolicies.Count == 0;
        for (var i = 0; i < sessionPolicies.Count; i++)
        {
            switch (Evaluate(sessionPolicies[i], request))
            {
                case PolicyDecision.ExplicitDeny:
                    return PolicyDecision.ExplicitDeny;
                case PolicyDecision.Allow:
                    sessionAllows = true;
                    break;
            }
        }

        return identityAllows && sessionAllows ? PolicyDecision.Allow : PolicyDecision.ImplicitDeny;
    }
}
