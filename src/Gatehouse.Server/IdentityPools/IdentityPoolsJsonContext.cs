using System.Text.Json.Serialization;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;

namespace Gatehouse.Server.IdentityPools;

/// <summary>The JSON columns of <c>IdentityPoolRecord</c> (format v1), in the wire shapes.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(IdentityPoolProviders))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, RoleMapping>))]
[JsonSerializable(typeof(Dictionary<string, PrincipalTagMapping>))]
internal sealed partial class IdentityPoolsJsonContext : JsonSerializerContext;
