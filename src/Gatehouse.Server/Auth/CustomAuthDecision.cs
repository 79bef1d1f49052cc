namespace Gatehouse.Server.Auth;

/// <summary>What DefineAuthChallenge answered: fail, issue tokens, or present <see cref="ChallengeName"/>.</summary>
internal sealed record CustomAuthDecision(bool FailAuthentication, bool IssueTokens, string? ChallengeName);
