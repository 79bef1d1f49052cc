namespace Gatehouse.Server.Iam;

/// <summary>
/// The three outcomes of IAM evaluation
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
/// </summary>
internal enum PolicyDecision
{
    ImplicitDeny,
    Allow,
    ExplicitDeny,
}
