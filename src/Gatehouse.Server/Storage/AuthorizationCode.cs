namespace Gatehouse.Server.Storage;

/// <summary>
/// An OAuth authorization code (RFC 6749 §4.1), stored only as the SHA-256 of its text. It is bound to the client,
/// the redirect_uri, the PKCE challenge and the user, lives a few minutes, and is consumed by one conditional delete,
/// so of parallel or cross-node redemptions exactly one wins.
/// </summary>
internal sealed class AuthorizationCode
{
    public required string CodeHash { get; set; }

    public required string PoolId { get; set; }

    public required string ClientId { get; set; }

    public long UserId { get; set; }

    public required string RedirectUri { get; set; }

    /// <summary>The granted scopes, space-separated.</summary>
    public required string Scopes { get; set; }

    public string? CodeChallenge { get; set; }

    /// <summary><c>S256</c> or <c>plain</c> when <see cref="CodeChallenge"/> is set.</summary>
    public string? CodeChallengeMethod { get; set; }

    public string? Nonce { get; set; }

    public DateTimeOffset AuthTime { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
