namespace Gatehouse.Server.Tokens;

/// <summary>Who a token is about: the user's <c>sub</c>, pool username, attributes and group names.</summary>
internal sealed record TokenSubject(
    string Sub,
    string Username,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<string> Groups);
