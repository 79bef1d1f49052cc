using System.Text.Json.Serialization;

namespace Gatehouse.Server.Mfa;

/// <summary>The body of <c>POST /gatehouse/mfa/recovery-codes</c>: the new codes, shown this once.</summary>
internal sealed record RecoveryCodesResponse([property: JsonPropertyName("RecoveryCodes")] IReadOnlyList<string> RecoveryCodes);
