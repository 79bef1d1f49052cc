namespace Gatehouse.Server.Authorization;

/// <summary>The answer of <c>POST /authorization/decide</c>; <see cref="MatchedBy"/> names the deciding policy.</summary>
internal sealed record DecideResponse(string Decision, string? MatchedBy, string Principal);
