using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Federation;

/// <summary>
/// Reads an OIDC issuer's discovery document (<c>{issuer}/.well-known/openid-configuration</c>, OpenID Connect
/// Discovery 1.0 §4) for CreateIdentityProvider and UpdateIdentityProvider: bounded in time and size, and only when
/// its <c>issuer</c> equals the configured one exactly (§4.3).
/// </summary>
internal sealed class OidcDiscovery(IHttpClientFactory http, IOptions<FederationOptions> options)
{
    public const string HttpClientName = "Gatehouse.Federation.Discovery";
    private const int MaxDocumentBytes = 256 * 1024;

    /// <summary>The discovered endpoints by Cognito's detail keys, or the reason discovery failed.</summary>
    public async Task<(Dictionary<string, string>? Endpoints, string? Error)> DiscoverAsync(string issuer, CancellationToken ct)
    {
        var uri = new Uri(issuer.TrimEnd('/') + "/.well-known/openid-configuration");
        using var document = await UpstreamHttp.GetJsonAsync(http.CreateClient(HttpClientName), uri, MaxDocumentBytes,
            TimeSpan.FromSeconds(options.Value.DiscoveryTimeoutSeconds), ct);
        if (document?.RootElement is not { ValueKind: JsonValueKind.Object } root)
        {
            return (null, FederationMessages.DiscoveryFailed(issuer));
        }

        if (Text(root, "issuer") != issuer)
        {
            return (null, FederationMessages.DiscoveryIssuerMismatch(issuer));
        }

        var endpoints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (member, key) in new[]
                 {
                     ("authorization_endpoint", "authorize_url"), ("token_endpoint", "token_url"),
                     ("userinfo_endpoint", "attributes_url"), ("jwks_uri", "jwks_uri"),
                 })
        {
            if (Text(root, member) is { } value)
            {
                endpoints[key] = value;
            }
        }

        return (endpoints, null);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
