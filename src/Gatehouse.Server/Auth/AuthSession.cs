namespace Gatehouse.Server.Auth;

/// <summary>
/// A challenge's <c>Session</c> string (DESIGN.md "Authentication engine"): sealed by <see cref="AuthBlobSealer"/>
/// (purpose <c>auth-session</c>) around this record's JSON, format v1. It names the pool, client, user (stored
/// username) and challenge, expires after the client's AuthSessionValidity, and <see cref="Id"/> is recorded
/// when it is answered, so a session is used once on any node.
/// </summary>
internal sealed record AuthSession(
    string Id,
    string PoolId,
    string ClientId,
    string Username,
    string ChallengeName,
    long ExpiresAtMs)
{
    public const string Purpose = "auth-session";
}
