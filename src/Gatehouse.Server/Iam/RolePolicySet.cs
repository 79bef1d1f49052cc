namespace Gatehouse.Server.Iam;

/// <summary>A role's parsed identity policies and, index for index, their names (inline or managed).</summary>
internal sealed record RolePolicySet(IReadOnlyList<PolicyDocument> Documents, IReadOnlyList<string> Names);
