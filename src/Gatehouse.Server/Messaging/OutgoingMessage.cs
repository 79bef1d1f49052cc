namespace Gatehouse.Server.Messaging;

/// <summary>A message to one destination: an email address (with a subject) or a phone number (SMS).</summary>
internal sealed record OutgoingMessage(string? PoolId, MessageChannel Channel, string Destination, string? Subject, string Body);
