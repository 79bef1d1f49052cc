namespace Gatehouse.Server.HostedUi;

/// <summary>
/// The sealed state of the new-password page after a sign-in with a temporary password: the pool, the user and
/// until when (epoch milliseconds) the new password may be set without signing in again.
/// </summary>
internal sealed record PendingNewPassword(string PoolId, string Username, long ExpiresAt);
