namespace Gatehouse.Server.Storage;

/// <summary>
/// A pool's external identity provider (CreateIdentityProvider): Google, Facebook, LoginWithAmazon, SignInWithApple,
/// OIDC or SAML. Key: pool and <see cref="ProviderName"/> (case-sensitive, as Cognito). <see cref="DetailsProtected"/>
/// is the model's <c>ProviderDetails</c> map (with the keys Cognito adds: discovered endpoints, SAML's
/// <c>ActiveEncryptionCertificate</c>...) as a JSON object, format v1, encrypted with <see cref="SecretProtector"/>
/// under the purpose <c>identity-provider-details</c> because it holds <c>client_secret</c> and Apple's
/// <c>private_key</c>; read and write it only through <c>Federation/ProviderDetails</c>. <see cref="AttributeMapping"/>
/// (pool attribute to upstream claim) and <see cref="IdpIdentifiers"/> are JSON, format v1.
/// </summary>
internal sealed class IdentityProvider
{
    public long Id { get; set; }

    public required string PoolId { get; set; }

    public required string ProviderName { get; set; }

    public required string ProviderType { get; set; }

    public required string DetailsProtected { get; set; }

    public string AttributeMapping { get; set; } = "{}";

    public string IdpIdentifiers { get; set; } = "[]";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastModifiedAt { get; set; }

    public long Version { get; set; }
}
