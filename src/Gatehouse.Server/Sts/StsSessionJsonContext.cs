using System.Text.Json.Serialization;

namespace Gatehouse.Server.Sts;

/// <summary>The sealed session's JSON (<see cref="RoleSession"/>); short names are not worth the risk of a second format.
/// Also the client-id list of an IAM OIDC provider row.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RoleSession))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class StsSessionJsonContext : JsonSerializerContext;
