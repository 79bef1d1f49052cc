using System.Net.Http.Headers;
using System.Text.Json;
using Gatehouse.Server.Storage;
using Microsoft.AspNetCore.WebUtilities;

namespace Gatehouse.Server.Federation;

/// <summary>
/// The server-side half of an OIDC or social callback: the code is exchanged at <c>token_url</c> (client_secret_post,
/// RFC 6749 §2.3.1, with the PKCE verifier; Facebook by GET as its "Manually Build a Login Flow" page shows; Apple's
/// secret is <see cref="AppleClientSecret"/>), the ID token verified (<see cref="UpstreamIdTokens"/>), and
/// <c>attributes_url</c> read with the access token when the provider has one (OIDC userInfo, by
/// <c>attributes_request_method</c>; Facebook's Graph <c>/me</c> with the mapped fields when
/// <c>attributes_url_add_attributes</c>; Amazon's profile). userInfo's <c>sub</c> must be the ID token's
/// (OpenID Connect Core §5.3.4).
/// </summary>
internal sealed class OidcCodeRedemption(ProviderDetails providerDetails, UpstreamClient http, UpstreamIdTokens idTokens, TimeProvider clock)
{
    public async Task<UpstreamIdentity> RedeemAsync(
        IdentityProvider provider, FederationState state, string code, string redirectUri, CancellationToken ct)
    {
        var details = providerDetails.Read(provider);
        var type = provider.ProviderType;
        if (!details.TryGetValue("token_url", out var tokenUrl) || !Uri.TryCreate(tokenUrl, UriKind.Absolute, out _)
            || !details.TryGetValue("client_id", out var clientId))
        {
            return UpstreamIdentity.Failed("token_url or client_id missing");
        }

        var secret = type == OidcFamily.Apple
            ? AppleClientSecret.Create(details, clock.GetUtcNow())
            : details.GetValueOrDefault("client_secret");
        var form = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["code_verifier"] = state.CodeVerifier,
        };
        var fields = form.Where(f => f.Value is { Length: > 0 }).Select(f => KeyValuePair.Create(f.Key, f.Value!)).ToList();
        var byGet = details.TryGetValue("token_request_method", out var method)
            ? string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase)
            : type == OidcFamily.Facebook;
        using var tokenRequest = byGet
            ? new HttpRequestMessage(HttpMethod.Get, QueryHelpers.AddQueryString(tokenUrl, fields!))
            : new HttpRequestMessage(HttpMethod.Post, tokenUrl) { Content = new FormUrlEncodedContent(fields) };
        var tokens = await http.SendAsync(tokenRequest, ct);
        if (tokens.Json is not { } tokenJson)
        {
            return UpstreamIdentity.Failed("token endpoint: " + tokens.Failure);
        }

        var accessToken = StringOf(tokenJson, "access_token");
        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        if (OidcFamily.HasIdToken(type))
        {
            var issuer = details.GetValueOrDefault("oidc_issuer") ?? OidcFamily.DefaultIssuer(type);
            if (StringOf(tokenJson, "id_token") is not { } idToken || issuer is null
                || details.GetValueOrDefault("jwks_uri") is not { } jwksUri)
            {
                return UpstreamIdentity.Failed("no ID token, issuer or jwks_uri");
            }

            var (idClaims, failure) = await idTokens.ValidateAsync(idToken, issuer, clientId, jwksUri, state.Nonce, ct);
            if (idClaims is null)
            {
                return UpstreamIdentity.Failed(failure ?? "ID token refused");
            }

            claims = idClaims;
        }

        if (details.GetValueOrDefault("attributes_url") is { Length: > 0 } attributesUrl)
        {
            if (accessToken is null)
            {
                return UpstreamIdentity.Failed("no access token");
            }

            var attributes = await AttributesAsync(provider, details, attributesUrl, accessToken, ct);
            var fromAttributes = attributes.Json is { } attributesJson ? UpstreamClaims.From(attributesJson) : null;
            if (fromAttributes is null && type != OidcFamily.Google)
            {
                return UpstreamIdentity.Failed("attributes_url: " + attributes.Failure);
            }

            // Google's verified ID token carries the user; its People API answer only adds to it.
            fromAttributes ??= [];
            if (claims.TryGetValue("sub", out var idSub) && fromAttributes.TryGetValue("sub", out var infoSub)
                && !string.Equals(idSub, infoSub, StringComparison.Ordinal))
            {
                return UpstreamIdentity.Failed("userInfo sub differs from the ID token's");
            }

            foreach (var (name, value) in fromAttributes)
            {
                claims.TryAdd(name, value);
            }
        }

        return claims.TryGetValue(OidcFamily.SubjectClaim(type), out var subject) && subject is { Length: > 0 and <= 128 }
            ? new UpstreamIdentity(subject, claims, null)
            : UpstreamIdentity.Failed("no subject");
    }

    private async Task<UpstreamReply> AttributesAsync(
        IdentityProvider provider, Dictionary<string, string> details, string url, string accessToken, CancellationToken ct)
    {
        if (provider.ProviderType == OidcFamily.Facebook
            && string.Equals(details.GetValueOrDefault("attributes_url_add_attributes"), "true", StringComparison.OrdinalIgnoreCase))
        {
            // Facebook's Graph API returns only the fields asked for (Cognito appends the mapped ones to the URL).
            // Google's People API names its fields otherwise; its user comes from the ID token (and a userInfo-shaped
            // attributes_url when an instance points Google at a stand-in).
            var names = ProviderDetails.ReadMapping(provider).Values.Append("id").Distinct(StringComparer.Ordinal);
            url += string.Join(',', names.Select(Uri.EscapeDataString));
        }

        var post = string.Equals(details.GetValueOrDefault("attributes_request_method"), "POST", StringComparison.OrdinalIgnoreCase);
        using var request = new HttpRequestMessage(post ? HttpMethod.Post : HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await http.SendAsync(request, ct);
    }

    private static string? StringOf(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
