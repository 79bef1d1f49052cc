namespace Gatehouse.Server.Tokens;

/// <summary>
/// The tokens of one issuance before they are signed: who they are about (groups already overridden by the pre
/// token generation trigger) and the trigger's other claim and scope changes.
/// </summary>
internal sealed record TokenPlan(TokenSubject Subject, TokenClaimChanges Changes);
