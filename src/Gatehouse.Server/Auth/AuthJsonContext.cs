using System.Text.Json.Serialization;

namespace Gatehouse.Server.Auth;

/// <summary>JSON of the sealed authentication blobs and of the JSON-in-string challenge parameters.</summary>
[JsonSerializable(typeof(SrpSecretBlock))]
[JsonSerializable(typeof(AuthSession))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class AuthJsonContext : JsonSerializerContext;
