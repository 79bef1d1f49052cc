namespace Gatehouse.Server.Messaging;

/// <summary>One outbox message as the outbox endpoint shows it; <c>createdAt</c> is ISO 8601 UTC.</summary>
internal sealed record OutboxListingMessage(
    long Id,
    string? PoolId,
    string Channel,
    string Destination,
    string? Subject,
    string Body,
    DateTimeOffset CreatedAt);
