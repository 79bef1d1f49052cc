using System.Text.Json.Serialization;

namespace Gatehouse.Server.Mfa;

/// <summary>JSON of the sealed MFA session and of the JSON-in-string challenge parameters.</summary>
[JsonSerializable(typeof(MfaSession))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(RecoveryCodesResponse))]
internal sealed partial class MfaJsonContext : JsonSerializerContext;
