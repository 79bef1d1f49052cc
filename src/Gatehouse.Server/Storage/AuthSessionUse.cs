namespace Gatehouse.Server.Storage;

/// <summary>
/// Records that a single-use authentication blob (a challenge <c>Session</c>, an SRP <c>SECRET_BLOCK</c>) was
/// answered: inserting its id twice fails on the primary key, so a replay on any node is refused.
/// Rows past <see cref="ExpiresAt"/> are no longer needed (the blob itself has expired).
/// </summary>
internal sealed class AuthSessionUse
{
    public required string Id { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
