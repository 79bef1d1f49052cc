using System.Text.Json;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;

namespace Gatehouse.Server.Tokens;

/// <summary>
/// The per-pool OIDC issuer documents (DESIGN.md surfaces; protocol-notes §10):
/// <c>/{userPoolId}/.well-known/jwks.json</c> (RSA keys with <c>kid</c>, <c>alg</c> RS256, <c>use</c> sig) and
/// <c>/{userPoolId}/.well-known/openid-configuration</c>. An unknown pool is a 404 with an empty body of keys,
/// as a JWKS consumer expects no keys from it.
/// </summary>
internal static class IssuerEndpoints
{
    /// <remarks>The document is kept for <see cref="SigningKeyCache.RowLifetime"/> (a deleted pool's too).</remarks>
    public static async Task<IResult> JwksAsync(
        string userPoolId, AppDb db, SigningKeyStore keys, SigningKeyCache cache, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (cache.Jwks(userPoolId, now) is { } cached)
        {
            return Results.Text(cached, "application/json");
        }

        if (await db.FindPoolAsync(userPoolId, ct) is null)
        {
            return Results.NotFound();
        }

        var published = await keys.PublishedAsync(userPoolId, ct);
        var document = Write(writer =>
        {
            writer.WriteStartArray("keys");
            foreach (var key in published)
            {
                writer.WriteStartObject();
                writer.WriteString("alg", "RS256");
                writer.WriteString("e", key.Exponent);
                writer.WriteString("kid", key.Kid);
                writer.WriteString("kty", "RSA");
                writer.WriteString("n", key.Modulus);
                writer.WriteString("use", "sig");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
        cache.RememberJwks(userPoolId, document, published, now);
        return Results.Text(document, "application/json");
    }

    public static async Task<IResult> OpenIdConfigurationAsync(
        string userPoolId, AppDb db, PoolIssuer issuer, CancellationToken ct)
    {
        if (await db.FindPoolAsync(userPoolId, ct) is null)
        {
            return Results.NotFound();
        }

        var iss = issuer.For(userPoolId);
        var baseUrl = await DomainBaseUrlAsync(db, issuer, userPoolId, ct);
        return Results.Text(Write(writer =>
        {
            writer.WriteString("issuer", iss);
            writer.WriteString("jwks_uri", $"{iss}/.well-known/jwks.json");
            writer.WriteString("authorization_endpoint", $"{baseUrl}/oauth2/authorize");
            writer.WriteString("token_endpoint", $"{baseUrl}/oauth2/token");
            writer.WriteString("userinfo_endpoint", $"{baseUrl}/oauth2/userInfo");
            writer.WriteString("revocation_endpoint", $"{baseUrl}/oauth2/revoke");
            writer.WriteString("end_session_endpoint", $"{baseUrl}/logout");
            Array(writer, "response_types_supported", "code", "token");
            Array(writer, "scopes_supported", "openid", "email", "phone", "profile");
            Array(writer, "subject_types_supported", "public");
            Array(writer, "id_token_signing_alg_values_supported", "RS256");
            Array(writer, "token_endpoint_auth_methods_supported", "client_secret_basic", "client_secret_post", "none");
            Array(writer, "grant_types_supported", "authorization_code", "refresh_token", "client_credentials", "implicit");
            Array(writer, "code_challenge_methods_supported", "S256", "plain");
        }), "application/json");
    }

    /// <summary>
    /// Where the pool's OAuth endpoints are: its custom domain (https), else its prefix domain under
    /// <c>/domains/&lt;prefix&gt;</c> of the public URL, else the public URL itself (no domain: the endpoints answer 404).
    /// </summary>
    private static async Task<string> DomainBaseUrlAsync(AppDb db, PoolIssuer issuer, string poolId, CancellationToken ct)
    {
        var domains = await UserPoolDomains.ForPoolAsync(db, poolId, ct);
        if (domains.FirstOrDefault(d => d.IsCustom) is { } custom)
        {
            return $"https://{custom.Domain}";
        }

        var baseUrl = issuer.PublicBaseUrl();
        return domains.FirstOrDefault() is { } prefix ? $"{baseUrl}/domains/{prefix.Domain}" : baseUrl;
    }

    private static void Array(Utf8JsonWriter writer, string name, params string[] values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
