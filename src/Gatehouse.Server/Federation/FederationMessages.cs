namespace Gatehouse.Server.Federation;

/// <summary>The messages of the identity-provider operations.</summary>
internal static class FederationMessages
{
    public static string PoolNotFound(string poolId) => $"User pool {poolId} does not exist.";

    public static string ProviderNotFound(string providerName) => $"Identity provider {providerName} does not exist.";

    public static string ProviderExists(string providerName) =>
        $"A provider with the name {providerName} already exists in this user pool.";

    public static string IdentifierTaken(string identifier) =>
        $"The identifier {identifier} is already used by another provider of this user pool.";

    public static string ProviderLimit(int limit) => $"The user pool has reached its limit of {limit} identity providers.";

    public const string DuplicateIdentifiers = "IdpIdentifiers must not repeat an identifier.";

    public static string IdentifierNotFound(string identifier) => $"No identity provider has the identifier {identifier}.";

    public static string TypeNeedsName(string providerType) =>
        $"A provider of type {providerType} must be named {providerType}.";

    public static string ReservedName(string providerName) =>
        $"{providerName} is the name of a social provider type and cannot name a provider of another type.";

    public const string CognitoName = "The provider name Cognito (in any case) is reserved.";

    public static string UnsupportedType(string providerType) => $"Provider type {providerType} is not supported.";

    public static string MissingDetail(string key) => $"ProviderDetails must contain {key}.";

    public static string UnknownDetail(string key, string providerType) =>
        $"ProviderDetails key {key} is not valid for provider type {providerType}.";

    public static string BadDetail(string key) => $"ProviderDetails {key} has an invalid value.";

    public const string OidcScopeNeedsOpenId = "authorize_scopes of an OIDC provider must contain openid.";

    public static string BadUrl(string key) =>
        $"ProviderDetails {key} must be an absolute https URL (http only on a loopback host).";

    public const string BadRequestMethod = "attributes_request_method must be GET or POST.";

    public const string BadApplePrivateKey = "private_key must be the EC P-256 private key (.p8 PEM) Apple issued.";

    public static string DiscoveryFailed(string issuer) =>
        $"Unable to get OIDC discovery information from {issuer}; provide authorize_url, token_url and jwks_uri, or fix the issuer.";

    public static string DiscoveryIssuerMismatch(string issuer) =>
        $"The discovery document of {issuer} names another issuer.";

    public static string UnknownMappedAttribute(string attribute) =>
        $"Attribute mapping refers to {attribute}, which is not an attribute of this user pool.";

    public const string SubNotMappable = "The sub attribute cannot be mapped; the pool assigns it.";

    public static string ImmutableMapping(string attribute) =>
        $"Attribute mapping refers to {attribute}, a custom attribute that is not mutable; federated sign-ins update mapped attributes.";

    public const string ProviderInUseByClient =
        "The provider is in the SupportedIdentityProviders of an app client of this user pool; remove it there first.";

    public const string CognitoDestinationOnly =
        "DestinationUser ProviderName must be Cognito (a user of the pool, by its username).";

    public const string SourceMustBeExternal = "SourceUser must be an identity of an external provider of the pool, not Cognito.";

    public const string MissingProviderAttribute = "ProviderName, ProviderAttributeName and ProviderAttributeValue are required.";

    public const string SocialNeedsCognitoSubject = "For a social provider, ProviderAttributeName must be Cognito_Subject.";

    public const string OnlySubjectLinks =
        "Gatehouse links identities by their subject only: ProviderAttributeName must be Cognito_Subject.";

    public const string NativeDisableUnsupported =
        "Turning off a native user's own sign-in is not supported by AdminDisableProviderForUser; use AdminDisableUser.";

    public const string MergingNotSupported =
        "Merging is not currently supported, provide a SourceUser that has not been signed up in order to link";

    public const string AlreadyLinked = "The SourceUser is already linked to a user of this pool.";

    public static string LinkLimit(int limit) => $"A user can have at most {limit} linked identities.";

    public const string DestinationImmutable =
        "All attributes of the DestinationUser must be mutable; the user has an immutable custom attribute.";

    public const string IdentityNotFound = "No such identity is linked to a user of this pool.";

    public const string UserDoesNotExist = "User does not exist.";

    public const string ConcurrentUpdate = "The identity provider was changed by another request; try again.";
}
