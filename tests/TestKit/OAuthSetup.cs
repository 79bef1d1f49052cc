using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.TestKit;

/// <summary>A pool with a prefix domain, an OAuth app client and a confirmed user, for the hosted-UI tests.</summary>
public static class OAuthSetup
{
    public const string Callback = "https://app.example.com/callback";
    public const string Logout = "https://app.example.com/signed-out";

    /// <summary>The PKCE verifier every test authorize URL's S256 challenge is made from.</summary>
    public const string Verifier = "test-verifier-0123456789-abcdefghijklmnopqrstuvwxyz";

    public static string Challenge(string verifier) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public sealed record Setup(string PoolId, string ClientId, string? Secret, string Domain, string Username)
    {
        public string Base => $"/domains/{Domain}";

        /// <summary>An authorize URL; the code flow carries an S256 challenge of <see cref="Verifier"/> unless <paramref name="pkce"/> is false.</summary>
        public string AuthorizeUrl(
            string? extra = null, string responseType = "code", string scope = "openid email profile", bool pkce = true) =>
            $"{Base}/oauth2/authorize?response_type={responseType}&client_id={ClientId}" +
            $"&redirect_uri={Uri.EscapeDataString(Callback)}&state=st-1&scope={Uri.EscapeDataString(scope)}" +
            (pkce && responseType == "code" ? $"&code_challenge={Challenge(Verifier)}&code_challenge_method=S256" : "") + extra;

        /// <summary>The /login URL that the authorize URL redirects to.</summary>
        public string LoginUrl(string? extra = null, string responseType = "code") =>
            Base + "/login" + new Uri("http://x" + AuthorizeUrl(extra, responseType)).Query;
    }

    public static async Task<Setup> CreateAsync(
        AwsApiClient api, bool secret = false, JsonObject? clientSettings = null, string[]? flows = null)
    {
        clientSettings ??= [];
        clientSettings["GenerateSecret"] = secret;
        clientSettings["AllowedOAuthFlowsUserPoolClient"] ??= true;
        clientSettings["AllowedOAuthFlows"] ??= new JsonArray([.. (flows ?? ["code", "implicit"]).Select(f => (JsonNode)f)]);
        clientSettings["AllowedOAuthScopes"] ??= new JsonArray("openid", "email", "profile", "phone", "aws.cognito.signin.user.admin");
        clientSettings["CallbackURLs"] ??= new JsonArray(Callback);
        clientSettings["LogoutURLs"] ??= new JsonArray(Logout);
        clientSettings["SupportedIdentityProviders"] ??= new JsonArray("COGNITO");
        var (poolId, clientId, clientSecret) = await api.PoolAndClientAsync(clientSettings);
        var domain = "d" + Guid.NewGuid().ToString("N")[..12];
        AuthSetup.Ok(await api.CallAsync("CreateUserPoolDomain", new { UserPoolId = poolId, Domain = domain }));
        var username = "u" + Guid.NewGuid().ToString("N")[..8];
        await api.CreateUserAsync(poolId, username, AuthSetup.Password, ("email", username + "@example.com"));
        return new Setup(poolId, clientId, clientSecret, domain, username);
    }

    /// <summary>The query (or fragment) parameters of a redirect's Location.</summary>
    public static Dictionary<string, string> RedirectParameters(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? throw new InvalidOperationException("No redirect.");
        var hash = location.IndexOf('#', StringComparison.Ordinal);
        var query = hash >= 0 ? location[(hash + 1)..] : new Uri(location).Query;
        return QueryHelpers.ParseQuery(query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }
}
