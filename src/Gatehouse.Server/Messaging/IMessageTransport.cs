namespace Gatehouse.Server.Messaging;

/// <summary>
/// Where messages go: the dev outbox in the store, or SMTP for email. A test seam (STYLE.md §5) with two real
/// implementations.
/// </summary>
internal interface IMessageTransport
{
    Task SendAsync(OutgoingMessage message, CancellationToken ct);
}
