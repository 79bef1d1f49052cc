using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;

namespace Gatehouse.Server.IdentityPools;

/// <summary>The login providers of an identity pool, as stored in <c>IdentityPoolRecord.Providers</c> (JSON v1, wire names).</summary>
internal sealed record IdentityPoolProviders
{
    public IReadOnlyDictionary<string, string>? SupportedLoginProviders { get; init; }

    public IReadOnlyList<string>? OpenIdConnectProviderARNs { get; init; }

    public IReadOnlyList<CognitoIdentityProvider>? CognitoIdentityProviders { get; init; }

    public IReadOnlyList<string>? SamlProviderARNs { get; init; }
}
