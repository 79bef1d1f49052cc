using Gatehouse.Server.Iam;

namespace Gatehouse.Server.Authorization;

/// <summary>A decision and, for Allow and ExplicitDeny, the name of the policy that made it.</summary>
internal sealed record AuthorizationDecision(PolicyDecision Decision, string? MatchedBy);
