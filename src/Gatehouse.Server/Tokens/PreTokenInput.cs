namespace Gatehouse.Server.Tokens;

/// <summary>
/// What a user's pre token generation event carries besides the user: the trigger source, the group claims the
/// tokens would have (<c>groupConfiguration</c>), the scopes of the access token, and the request's ClientMetadata.
/// </summary>
internal sealed record PreTokenInput(
    string TriggerSource,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> Roles,
    string? PreferredRole,
    string Scopes,
    IReadOnlyDictionary<string, string>? ClientMetadata);
