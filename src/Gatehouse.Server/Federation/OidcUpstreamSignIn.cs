using System.Security.Cryptography;
using System.Text;
using Gatehouse.Server.HostedUi;
using Gatehouse.Server.OAuth;
using Gatehouse.Server.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Server.Federation;

/// <summary>
/// Starts a sign-in through an OIDC or social provider (<see cref="OidcFamily"/>): a 302 to the provider's
/// <c>authorize_url</c> with our <c>client_id</c>, <c>redirect_uri</c> = the pool domain's <c>/oauth2/idpresponse</c>,
/// <c>response_type=code</c>, the provider's <c>authorize_scopes</c>, a sealed <see cref="FederationState"/> as
/// <c>state</c>, a fresh <c>nonce</c> for the ID-token types and a PKCE S256 challenge (RFC 7636; not for Apple, which
/// does not take one). <c>prompt</c> is passed on to OIDC providers (OpenID Connect Core §3.1.2.1), so
/// <c>prompt=none</c> gets the provider's own <c>login_required</c>, which the callback passes back to the client.
/// </summary>
internal sealed class OidcUpstreamSignIn(ProviderDetails providerDetails, FederationStates states, HostedPage page) : IUpstreamSignIn
{
    public const string CallbackPath = "/oauth2/idpresponse";

    public bool Handles(string providerType) => OidcFamily.Handles(providerType);

    public async Task<IResult> StartAsync(HttpContext context, IdentityProvider provider, ValidAuthorize authorize, CancellationToken ct)
    {
        var domain = context.PoolDomain();
        var details = providerDetails.Read(provider);
        if (!details.TryGetValue("authorize_url", out var authorizeUrl) || !details.TryGetValue("client_id", out var clientId)
            || !Uri.TryCreate(authorizeUrl, UriKind.Absolute, out _))
        {
            return await ErrorPage.RenderAsync(page, domain, authorize.Client.ClientId, HostedUiStrings.FederationUnavailable, ct);
        }

        var type = provider.ProviderType;
        var nonce = OidcFamily.HasIdToken(type) ? Random() : null;
        var verifier = type == OidcFamily.Apple ? null : Random();
        var (_, state) = states.Issue(domain.PoolId, provider.ProviderName, authorize.Request, nonce, verifier, null);
        var query = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = domain.Url(CallbackPath),
            ["response_type"] = "code",
            ["scope"] = details.GetValueOrDefault("authorize_scopes"),
            ["state"] = state,
            ["nonce"] = nonce,
        };
        if (verifier is not null)
        {
            query["code_challenge"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
            query["code_challenge_method"] = "S256";
        }

        if (type == OidcFamily.Apple)
        {
            query["response_mode"] = "form_post";
        }

        if (type is OidcFamily.Oidc or OidcFamily.Google && authorize.Request.Prompt is { Length: > 0 } prompt)
        {
            query["prompt"] = prompt;
        }

        return Results.Redirect(QueryHelpers.AddQueryString(authorizeUrl,
            query.Where(p => p.Value is { Length: > 0 }).Select(p => KeyValuePair.Create(p.Key, p.Value))));
    }

    /// <summary>256 random bits, base64url: a nonce or a PKCE verifier (43 characters, RFC 7636 §4.1).</summary>
    private static string Random() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
}
