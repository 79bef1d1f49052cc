namespace Gatehouse.Server.Federation.Saml;

/// <summary>
/// The messages of SAML provider errors (InvalidParameterException at Create/UpdateIdentityProvider) and the reasons
/// logged when a response is refused (never shown: the browser gets <c>HostedUiStrings.SamlResponseRefused</c>).
/// </summary>
internal static class SamlMessages
{
    public const string MetadataNotXml = "Could not parse metadata: the SAML metadata is not well-formed XML.";
    public const string MetadataNoIdp = "Could not parse metadata: no IDPSSODescriptor with an entityID was found.";
    public const string MetadataNoSigningCertificate =
        "Could not parse metadata: the IDPSSODescriptor has no signing certificate.";
    public const string MetadataBadCertificate = "Could not parse metadata: a signing certificate is not a valid RSA X.509 certificate.";
    public const string MetadataCertificateExpired = "The signing certificate in the SAML metadata has expired.";
    public const string MetadataNoSso =
        "Could not parse metadata: no SingleSignOnService with the HTTP-Redirect binding was found.";
    public const string MetadataOneSource = "Exactly one of MetadataFile or MetadataURL must be given.";
    public const string MetadataTooLarge = "The SAML metadata is too large.";
    public const string MetadataUrlInvalid = "MetadataURL must be an absolute https or http URL.";
    public const string UnsupportedSigningAlgorithm = "RequestSigningAlgorithm must be rsa-sha256.";

    public static string MetadataFetchFailed(string url) => $"Error retrieving metadata from {url}.";

    public static string UnknownKey(string key) => $"{key} is not a valid ProviderDetails key for SAML.";

    public static string NotBoolean(string key) => $"{key} must be true or false.";

    public const string NoSsoEndpoint = "The SAML identity provider has no single sign-on endpoint.";

    // Reasons a response is refused, for the log only.
    public const string MissingResponse = "no SAMLResponse, or more than the size limit";
    public const string NotBase64 = "SAMLResponse is not base64";
    public const string NotXml = "not well-formed XML, or a DOCTYPE";
    public const string UnknownProvider = "no SAML provider of this pool for the state or RelayState";
    public const string StateUsed = "RelayState used before";
    public const string BadMetadata = "the provider's metadata cannot be read";
    public const string BadSignature = "a signature is present but not valid for the metadata's certificates";
    public const string BadLogoutResponse = "LogoutResponse missing, malformed, replayed or not answering our request";
    public const string SignedNoDestination = "signed Response without Destination";
    public const string NotResponse = "not a SAML Response";
    public const string DuplicateIds = "duplicate ID attributes";
    public const string StatusNotSuccess = "status is not Success";
    public const string WrongDestination = "wrong Destination";
    public const string WrongIssuer = "wrong Issuer";
    public const string WrongInResponseTo = "InResponseTo does not match the request";
    public const string Unsolicited = "IdP-initiated response while IDPInit is off";
    public const string AssertionCount = "not exactly one assertion";
    public const string EncryptionRequired = "assertion not encrypted while EncryptedResponses is on";
    public const string DecryptionFailed = "encrypted assertion could not be decrypted";
    public const string Unsigned = "neither the Response nor the Assertion carries a valid signature";
    public const string BadNameId = "NameID missing, empty or not plain text";
    public const string WrongRecipient = "no bearer SubjectConfirmation for this Recipient, unexpired";
    public const string WrongAudience = "Audience is not this pool";
    public const string NotYetValid = "Conditions NotBefore is in the future";
    public const string Expired = "expired";
    public const string Replayed = "assertion ID used before";
}
