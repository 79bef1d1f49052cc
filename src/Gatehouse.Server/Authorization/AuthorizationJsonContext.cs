using System.Text.Json.Serialization;

namespace Gatehouse.Server.Authorization;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(DecideRequest))]
[JsonSerializable(typeof(DecideResponse))]
[JsonSerializable(typeof(DecideError))]
internal sealed partial class AuthorizationJsonContext : JsonSerializerContext;
