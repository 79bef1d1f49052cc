using System.Text.Json.Serialization;

namespace Gatehouse.Server.Messaging;

/// <summary>The console's JSON for messaging: camelCase names, nulls kept so every field is always present.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(OutboxListing))]
internal sealed partial class MessagingJsonContext : JsonSerializerContext;
