namespace Gatehouse.Server.Iam;

/// <summary>
/// Which rules a document is validated against. Identity and session policies must not name a principal and must name
/// resources; a role trust policy (resource-based) must name a principal, must not name resources, and may grant only
/// STS actions
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html, "Policy grammar notes").
/// </summary>
internal enum PolicyKind
{
    Identity,
    Trust,
    Session,
}
