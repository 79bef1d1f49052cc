using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Messaging;

/// <summary>The embedded default: messages are kept in the store's outbox, readable by the console and tests.</summary>
internal sealed class OutboxTransport(AppDbFactory dbFactory, TimeProvider clock) : IMessageTransport
{
    public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        await using var db = dbFactory.Create();
        db.OutboxMessages.Add(new OutboxMessage
        {
            PoolId = message.PoolId,
            Channel = message.Channel == MessageChannel.Email ? "EMAIL" : "SMS",
            Destination = message.Destination,
            Subject = message.Subject,
            Body = message.Body,
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }
}
