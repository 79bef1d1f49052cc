using System.Text.Json;

namespace Gatehouse.Server.OAuth;

/// <summary>
/// Error answers of the token, userInfo and revoke endpoints (RFC 6749 §5.2, RFC 6750 §3): a JSON body
/// <c>{"error": "...", "error_description": "..."}</c>; 401 with <c>WWW-Authenticate</c> where the client or the
/// bearer token failed authentication, 400 otherwise.
/// </summary>
internal static class OAuthErrors
{
    public static IResult Json(string error, string? description = null, int status = StatusCodes.Status400BadRequest)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("error", error);
            if (description is not null)
            {
                writer.WriteString("error_description", description);
            }

            writer.WriteEndObject();
        }

        return Results.Text(System.Text.Encoding.UTF8.GetString(stream.ToArray()), "application/json", statusCode: status);
    }

    /// <summary>invalid_client: 401 with a Basic challenge when the client used Basic authentication (RFC 6749 §5.2).</summary>
    public static IResult InvalidClient(HttpContext context, bool usedBasic)
    {
        if (!usedBasic)
        {
            return Json("invalid_client", "Client authentication failed.");
        }

        context.Response.Headers.WWWAuthenticate = "Basic realm=\"oauth2\"";
        return Json("invalid_client", "Client authentication failed.", StatusCodes.Status401Unauthorized);
    }

    /// <summary>A bearer-token failure (RFC 6750 §3): 401 and the error in <c>WWW-Authenticate</c>.</summary>
    public static IResult InvalidToken(HttpContext context, string description)
    {
        context.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{description}\"";
        return Json("invalid_token", description, StatusCodes.Status401Unauthorized);
    }
}
