namespace Gatehouse.Server.Storage;

/// <summary>
/// A message Gatehouse sent (email or SMS), kept in the dev outbox so that codes can be used without a mail
/// server; readable by the console and by tests.
/// </summary>
internal sealed class OutboxMessage
{
    public long Id { get; set; }

    public string? PoolId { get; set; }

    /// <summary><c>EMAIL</c> or <c>SMS</c>.</summary>
    public required string Channel { get; set; }

    public required string Destination { get; set; }

    public string? Subject { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
