using System.Text.Json;

namespace Gatehouse.Server.Authorization;

/// <summary>
/// The body of <c>POST /authorization/decide</c>: the principal is a role session (<see cref="SessionToken"/>, as
/// STS issued it) or a role's identity policies alone (<see cref="RoleArn"/>); <see cref="Context"/> maps condition
/// keys to a string or an array of strings, added to (and overriding) the session's own keys.
/// </summary>
internal sealed record DecideRequest
{
    public string? Action { get; init; }

    public string? Resource { get; init; }

    public string? SessionToken { get; init; }

    public string? RoleArn { get; init; }

    public Dictionary<string, JsonElement>? Context { get; init; }
}
