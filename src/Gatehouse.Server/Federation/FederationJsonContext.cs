using System.Text.Json.Serialization;

namespace Gatehouse.Server.Federation;

/// <summary>
/// Source-generated JSON of the federation's stored values: provider details and attribute mappings (objects of
/// strings), IdP identifiers (a list), the <c>identities</c> attribute and the sealed <see cref="FederationState"/>.
/// </summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<IdentityEntry>))]
[JsonSerializable(typeof(FederationState))]
internal sealed partial class FederationJsonContext : JsonSerializerContext;
