namespace Gatehouse.Server.Messaging;

/// <summary>The body of <c>GET /console/api/outbox</c>: <c>{"messages":[...]}</c>, oldest first.</summary>
internal sealed record OutboxListing(IReadOnlyList<OutboxListingMessage> Messages);
