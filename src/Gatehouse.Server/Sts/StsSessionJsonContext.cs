using System.Text.Json.Serialization;

namespace Gatehouse.Server.Sts;

/// <summary>The sealed session's JSON (<see cref="RoleSession"/>); short names are not worth the risk of a second format.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RoleSession))]
internal sealed partial class StsSessionJsonContext : JsonSerializerContext;
