using Gatehouse.Server.AwsProtocol;

namespace Gatehouse.Server.Federation.Saml;

/// <summary>
/// The ProviderDetails of a SAML provider (Cognito's CreateIdentityProvider for ProviderType SAML): exactly one of
/// <c>MetadataFile</c> or <c>MetadataURL</c>, whose metadata must hold an IDPSSODescriptor with a signing certificate
/// and an HTTP-Redirect SSO endpoint; optional <c>IDPSignout</c>, <c>IDPInit</c>, <c>EncryptedResponses</c> (true or
/// false) and <c>RequestSigningAlgorithm</c> (rsa-sha256). As Cognito, it adds <c>SSORedirectBindingURI</c>,
/// <c>SLORedirectBindingURI</c> (when the metadata has one) and <c>ActiveEncryptionCertificate</c> (the pool's SP
/// encryption certificate, base64 DER).
/// </summary>
internal sealed class SamlProviderRules(SamlMetadataSource metadata, SamlCertificates certificates) : IProviderDetailsRules
{
    public const string Type = "SAML";
    public const string SsoKey = "SSORedirectBindingURI";
    public const string SloKey = "SLORedirectBindingURI";
    public const string SigningAlgorithmKey = "RequestSigningAlgorithm";
    private static readonly string[] Flags = ["IDPSignout", "IDPInit", "EncryptedResponses"];
    private static readonly string[] Added = ["SSORedirectBindingURI", "SLORedirectBindingURI", "ActiveEncryptionCertificate"];

    public static bool IsSaml(string providerType) => string.Equals(providerType, Type, StringComparison.Ordinal);

    public bool Handles(string providerType) => IsSaml(providerType);

    public async Task<ProviderDetailsOutcome> CompleteAsync(
        string poolId, string providerName, string providerType, Dictionary<string, string> details, CancellationToken ct)
    {
        foreach (var (key, value) in details)
        {
            if (key is not ("MetadataFile" or "MetadataURL" or "RequestSigningAlgorithm") && !Flags.Contains(key)
                && !Added.Contains(key))
            {
                return Refuse(SamlMessages.UnknownKey(key));
            }

            if (Flags.Contains(key) && value is not ("true" or "false"))
            {
                return Refuse(SamlMessages.NotBoolean(key));
            }
        }

        if (details.TryGetValue("RequestSigningAlgorithm", out var algorithm) && algorithm is not "rsa-sha256")
        {
            return Refuse(SamlMessages.UnsupportedSigningAlgorithm);
        }

        // Exactly one metadata source (SamlMetadataSource.ReadAsync). An update that switches from MetadataFile to
        // MetadataURL must therefore not merge the old source over the new one.
        var (parsed, error) = await metadata.LoadAsync(details, ct);
        if (parsed is null)
        {
            return Refuse(error ?? SamlMessages.MetadataNotXml);
        }

        var completed = details.Where(p => !Added.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        completed["SSORedirectBindingURI"] = parsed.SsoRedirectUrl;
        if (parsed.SloRedirectUrl is { } slo)
        {
            completed["SLORedirectBindingURI"] = slo;
        }

        completed["ActiveEncryptionCertificate"] = await certificates.GetBase64Async(poolId, SamlCertificates.Encryption, ct);
        return new ProviderDetailsOutcome(completed, null);
    }

    private static ProviderDetailsOutcome Refuse(string message) => new(null, AwsError.InvalidParameter(message));
}
