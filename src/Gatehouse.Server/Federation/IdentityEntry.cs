using System.Text.Json.Serialization;

namespace Gatehouse.Server.Federation;

/// <summary>
/// One member of a user's <c>identities</c> attribute and ID-token claim, shaped as Cognito's: every value a string
/// (<c>primary</c> "true"/"false", <c>dateCreated</c> epoch milliseconds), <c>issuer</c> null for social and OIDC
/// providers and the IdP's entity id for SAML.
/// </summary>
internal sealed record IdentityEntry(
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("providerName")] string ProviderName,
    [property: JsonPropertyName("providerType")] string ProviderType,
    [property: JsonPropertyName("issuer")] string? Issuer,
    [property: JsonPropertyName("primary")] string Primary,
    [property: JsonPropertyName("dateCreated")] string DateCreated);
