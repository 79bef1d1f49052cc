using System.Collections.Concurrent;
using Gatehouse.Server.Iam;
using Gatehouse.Server.Sts;

namespace Gatehouse.Server.Authorization;

/// <summary>
/// "May this role session do action A on resource R?": the role's identity policies (<see cref="RolePolicies"/>,
/// compiled and cached) and the session's inline session policy, by IAM's rules for role sessions
/// (<see cref="PolicyEvaluator.EvaluateSession"/>). Session policies were validated when the credentials were
/// issued; they are parsed once per distinct text here and kept (bounded). No row is read on a cache hit.
/// </summary>
internal sealed class AuthorizationDecider(RolePolicies rolePolicies)
{
    private const int MaxSessionPolicies = 10_000;
    private readonly ConcurrentDictionary<string, PolicyDocument?> _sessionPolicies = new(StringComparer.Ordinal);

    public async ValueTask<AuthorizationDecision> DecideAsync(
        RoleSession session, string action, string resource, IReadOnlyDictionary<string, IReadOnlyList<string>> context,
        bool explain, CancellationToken ct)
    {
        var policies = await rolePolicies.NamedForRoleAsync(session.RoleId, ct);
        IReadOnlyList<PolicyDocument> sessionPolicies = [];
        if (session.SessionPolicy is { } text)
        {
            if (SessionPolicy(text) is not { } parsed)
            {
                // Cannot happen for a token this server sealed (RoleAssumption parses it first); deny if it does.
                return new AuthorizationDecision(PolicyDecision.ImplicitDeny, "session policy");
            }

            sessionPolicies = [parsed];
        }

        var request = new PolicyRequest { Action = action, Resource = resource, Context = context };
        var decision = PolicyEvaluator.EvaluateSession(policies.Documents, sessionPolicies, request);
        return new AuthorizationDecision(decision, explain && decision != PolicyDecision.ImplicitDeny
            ? MatchedBy(policies, sessionPolicies, request, decision)
            : null);
    }

    /// <summary>The identity policies of a role alone (no session), for <c>/authorization/decide</c> with a RoleArn.</summary>
    public async ValueTask<AuthorizationDecision> DecideForRoleAsync(
        string roleId, string action, string resource, IReadOnlyDictionary<string, IReadOnlyList<string>> context,
        CancellationToken ct)
    {
        var policies = await rolePolicies.NamedForRoleAsync(roleId, ct);
        var request = new PolicyRequest { Action = action, Resource = resource, Context = context };
        var decision = PolicyEvaluator.EvaluateSession(policies.Documents, [], request);
        return new AuthorizationDecision(decision, decision == PolicyDecision.ImplicitDeny
            ? null
            : MatchedBy(policies, [], request, decision));
    }

    private PolicyDocument? SessionPolicy(string text)
    {
        if (_sessionPolicies.TryGetValue(text, out var parsed))
        {
            return parsed;
        }

        if (_sessionPolicies.Count >= MaxSessionPolicies)
        {
            _sessionPolicies.Clear();
        }

        return _sessionPolicies.GetOrAdd(text, t => PolicyDocument.Parse(t, PolicyKind.Session, out _));
    }

    /// <summary>Which policy decided: the first that denies, or the first identity policy that allows.</summary>
    private static string? MatchedBy(RolePolicySet policies, IReadOnlyList<PolicyDocument> sessionPolicies,
        PolicyRequest request, PolicyDecision decision)
    {
        for (var i = 0; i < policies.Documents.Count; i++)
        {
            if (PolicyEvaluator.Evaluate(policies.Documents[i], request) == decision)
            {
                return policies.Names[i];
            }
        }

        return sessionPolicies.Any(p => PolicyEvaluator.Evaluate(p, request) == decision) ? "session policy" : null;
    }
}
