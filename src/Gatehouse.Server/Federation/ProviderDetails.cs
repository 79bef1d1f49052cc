using System.Text.Json;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Federation;

/// <summary>
/// The one reader and writer of an <see cref="IdentityProvider"/>'s stored values: <c>ProviderDetails</c> (encrypted,
/// because it holds <c>client_secret</c> and Apple's <c>private_key</c>), <c>AttributeMapping</c> and
/// <c>IdpIdentifiers</c>.
/// </summary>
internal sealed class ProviderDetails(SecretProtector protector)
{
    public const string Purpose = "identity-provider-details";

    public Dictionary<string, string> Read(IdentityProvider provider) =>
        JsonSerializer.Deserialize(protector.Unprotect(Purpose, provider.DetailsProtected),
            FederationJsonContext.Default.DictionaryStringString) ?? new(StringComparer.Ordinal);

    public void Write(IdentityProvider provider, Dictionary<string, string> details) =>
        provider.DetailsProtected = protector.Protect(Purpose,
            JsonSerializer.Serialize(details, FederationJsonContext.Default.DictionaryStringString));

    public static Dictionary<string, string> ReadMapping(IdentityProvider provider) =>
        JsonSerializer.Deserialize(provider.AttributeMapping, FederationJsonContext.Default.DictionaryStringString)
        ?? new(StringComparer.Ordinal);

    public static void WriteMapping(IdentityProvider provider, Dictionary<string, string> mapping) =>
        provider.AttributeMapping = JsonSerializer.Serialize(mapping, FederationJsonContext.Default.DictionaryStringString);

    public static List<string> ReadIdentifiers(IdentityProvider provider) =>
        JsonSerializer.Deserialize(provider.IdpIdentifiers, FederationJsonContext.Default.ListString) ?? [];

    public static void WriteIdentifiers(IdentityProvider provider, List<string> identifiers) =>
        provider.IdpIdentifiers = JsonSerializer.Serialize(identifiers, FederationJsonContext.Default.ListString);
}
