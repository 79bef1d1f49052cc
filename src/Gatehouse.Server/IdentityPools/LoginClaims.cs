using Microsoft.IdentityModel.JsonWebTokens;

namespace Gatehouse.Server.IdentityPools;

/// <summary>Reads what a login token says: its claims as multi-valued strings (a JSON array gives one value per element).</summary>
internal static class LoginClaims
{
    public static Dictionary<string, IReadOnlyList<string>> Of(JsonWebToken token)
    {
        var claims = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var claim in token.Claims)
        {
            if (!claims.TryGetValue(claim.Type, out var values))
            {
                claims[claim.Type] = values = [];
            }

            values.Add(claim.Value);
        }

        return claims.ToDictionary(c => c.Key, IReadOnlyList<string> (c) => c.Value, StringComparer.Ordinal);
    }

    /// <summary>A JWT the handler can read, or null (then the token is not one).</summary>
    public static JsonWebToken? Read(string token)
    {
        try
        {
            return JwtHandler.CanReadToken(token) ? new JsonWebToken(token) : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static string String(JsonWebToken token, string name) =>
        token.TryGetPayloadValue<string>(name, out var value) ? value ?? "" : "";

    public static readonly JsonWebTokenHandler JwtHandler = new();

    /// <summary>The URL without its scheme, as identity pools name providers (a user pool's issuer, an OIDC host/path).</summary>
    public static string WithoutScheme(string url)
    {
        var separator = url.IndexOf("://", StringComparison.Ordinal);
        return separator < 0 ? url : url[(separator + 3)..];
    }
}
