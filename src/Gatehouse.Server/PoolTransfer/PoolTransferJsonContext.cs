using System.Text.Json.Serialization;

namespace Gatehouse.Server.PoolTransfer;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PoolTransferLine))]
internal sealed partial class PoolTransferJsonContext : JsonSerializerContext;
