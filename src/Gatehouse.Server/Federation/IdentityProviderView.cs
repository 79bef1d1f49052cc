using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Federation;

/// <summary>
/// A provider as the identity-provider operations answer it. As in Cognito's answers, <c>client_secret</c> is shown,
/// Apple's <c>private_key</c> is not, and the <c>jwks_uri</c> kept for a social type's sign-in is not either.
/// </summary>
internal static class IdentityProviderView
{
    public static IdentityProviderType Describe(IdentityProvider provider, Dictionary<string, string> details)
    {
        var shown = new Dictionary<string, string>(details, StringComparer.Ordinal);
        shown.Remove("private_key");
        if (SocialProviderEndpoints.IsSocial(provider.ProviderType))
        {
            shown.Remove("jwks_uri");
        }

        return new IdentityProviderType
        {
            UserPoolId = provider.PoolId,
            ProviderName = provider.ProviderName,
            ProviderType = provider.ProviderType,
            ProviderDetails = shown,
            AttributeMapping = ProviderDetails.ReadMapping(provider),
            IdpIdentifiers = ProviderDetails.ReadIdentifiers(provider),
            LastModifiedDate = provider.LastModifiedAt,
            CreationDate = provider.CreatedAt,
        };
    }

    public static ProviderDescription Summary(IdentityProvider provider) => new()
    {
        ProviderName = provider.ProviderName,
        ProviderType = provider.ProviderType,
        LastModifiedDate = provider.LastModifiedAt,
        CreationDate = provider.CreatedAt,
    };
}
