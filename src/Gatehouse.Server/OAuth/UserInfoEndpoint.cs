using System.Text.Json;
using Gatehouse.Server.Tokens;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.OAuth;

/// <summary>
/// <c>GET|POST /oauth2/userInfo</c> (OIDC Core §5.3): a bearer access token with the <c>openid</c> scope, valid and
/// not revoked (<see cref="AccessTokenAuthenticator"/>), answers the user's <c>sub</c>, <c>username</c> and the
/// attributes the token's client may read, as strings (Cognito's form). Errors per RFC 6750 §3.
/// </summary>
internal static class UserInfoEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, AccessTokenAuthenticator authenticator, ClientReadAttributes clients, CancellationToken ct)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return OAuthErrors.Json("invalid_request", "A bearer access token is required.", StatusCodes.Status401Unauthorized);
        }

        var (caller, error) = await authenticator.AuthenticateAsync(header[7..].Trim(), OAuthScopes.OpenId, ct);
        if (caller is null)
        {
            return OAuthErrors.InvalidToken(context, error?.Message ?? "Invalid Access Token");
        }

        var readable = await clients.ReadAttributesAsync(caller.ClientId, ct);
        var attributes = UserRecordWriter.ReadAttributes(caller.User);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("sub", caller.User.Sub);
            foreach (var (name, value) in attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                if (!string.Equals(name, UserAttributeNames.Sub, StringComparison.Ordinal)
                    && (readable is null || readable.Contains(name)))
                {
                    writer.WriteString(name, value);
                }
            }

            writer.WriteString("username", caller.User.Username);
            writer.WriteEndObject();
        }

        return Results.Bytes(stream.ToArray(), "application/json");
    }
}
