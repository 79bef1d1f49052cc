namespace Gatehouse.Server.Tokens;

/// <summary>What an ID token issued through the OAuth endpoints adds: <c>nonce</c> and <c>at_hash</c>.</summary>
internal sealed record IdTokenExtras(string? Nonce, string? AtHash);
