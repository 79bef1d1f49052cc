namespace Gatehouse.Server.Tokens;

/// <summary>
/// A sign-in through the OAuth endpoints: the granted scopes (space-separated), the authorize request's nonce, the
/// time the user authenticated (which may precede the token request), and whether a refresh token is issued
/// (not for the implicit grant).
/// </summary>
internal sealed record OAuthSignIn(string Scopes, string? Nonce, DateTimeOffset AuthTime, bool IssueRefreshToken);
