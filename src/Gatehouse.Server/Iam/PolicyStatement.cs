namespace Gatehouse.Server.Iam;

/// <summary>
/// One compiled statement. It applies to a request when its action, resource and principal elements match and every
/// condition holds (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html).
/// </summary>
internal sealed class PolicyStatement
{
    private readonly PolicyPattern[] actions;

    private readonly bool notAction;

    // Null in a trust policy, which has no Resource: the role itself is the resource.
    private readonly PolicyPattern[]? resources;

    private readonly bool notResource;

    // Null in identity and session policies, which name no principal.
    private readonly PolicyPrincipalSet? principals;

    private readonly bool notPrincipal;

    private readonly PolicyCondition[] conditions;

    public PolicyStatement(
        string? sid,
        PolicyEffect effect,
        (PolicyPattern[] Patterns, bool Not) actions,
        (PolicyPattern[]? Patterns, bool Not) resources,
        (PolicyPrincipalSet? Set, bool Not) principals,
        PolicyCondition[] conditions)
    {
        Sid = sid;
        Effect = effect;
        (this.actions, notAction) = actions;
        (this.resources, notResource) = resources;
        (this.principals, notPrincipal) = principals;
        this.conditions = conditions;
    }

    public string? Sid { get; }

    public PolicyEffect Effect { get; }

    public bool Matches(PolicyRequest request) =>
        MatchesAction(request) && MatchesResource(request) && MatchesPrincipal(request) && MeetsConditions(request);

    /// <summary>NotAction: "matches everything except the specified list of actions"
    /// (reference_policies_elements_notaction.html).</summary>
    private bool MatchesAction(PolicyRequest request) =>
        (PolicyPattern.MatchAny(actions, request.Action, request) == true) != notAction;

    /// <summary>
    /// A resource whose variable cannot be resolved matches neither Resource nor NotResource: an unresolved
    /// <c>NotResource</c> must not turn into "every resource".
    /// </summary>
    private bool MatchesResource(PolicyRequest request)
    {
        if (resources is null)
        {
            return true;
        }

        return PolicyPattern.MatchAny(resources, request.Resource, request) is { } matched && matched != notResource;
    }

    private bool MatchesPrincipal(PolicyRequest request) =>
        principals is null || principals.Matches(request.Principal) != notPrincipal;

    private bool MeetsConditions(PolicyRequest request)
    {
        foreach (var condition in conditions)
        {
            if (!condition.IsSatisfied(request))
            {
                return false;
            }
        }

        return true;
    }
}
