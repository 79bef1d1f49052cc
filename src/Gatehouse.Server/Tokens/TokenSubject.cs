namespace Gatehouse.Server.Tokens;

/// <summary>
/// Who a token is about: the user's <c>sub</c>, pool username, attributes and group names, and the role claims of
/// the ID token: <see cref="Roles"/> (<c>cognito:roles</c>, the RoleArns of the user's groups) and
/// <see cref="PreferredRole"/> (<c>cognito:preferred_role</c>).
/// </summary>
internal sealed record TokenSubject(
    string Sub,
    string Username,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string>? Roles = null,
    string? PreferredRole = null);
