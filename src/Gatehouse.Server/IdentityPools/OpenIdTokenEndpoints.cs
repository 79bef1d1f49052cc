using System.Text.Json;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// The OpenID issuer documents of identity-pool tokens, as Cognito publishes them at
/// <c>https://cognito-identity.amazonaws.com/.well-known/openid-configuration</c> and <c>.../.well-known/jwks_uri</c>
/// (what IAM and other relying parties fetch): served here under <c>/cognito-identity</c>. The JWKS lists every
/// <see cref="Storage.OpenIdTokenKey"/> (RSA, <c>kid</c>, RS256, use sig).
/// </summary>
internal static class OpenIdTokenEndpoints
{
    public const string DiscoveryRoute = "/cognito-identity/.well-known/openid-configuration";
    public const string JwksRoute = "/cognito-identity/.well-known/jwks_uri";

    public static WebApplication MapIdentityPoolTokens(this WebApplication app)
    {
        app.MapGet(DiscoveryRoute, Discovery);
        app.MapGet(JwksRoute, JwksAsync);
        return app;
    }

    private static IResult Discovery(OpenIdTokenIssuer issuer, Tokens.PoolIssuer poolIssuer) =>
        Results.Text(Write(writer =>
        {
            writer.WriteString("issuer", issuer.Issuer());
            writer.WriteString("jwks_uri", poolIssuer.PublicBaseUrl() + JwksRoute);
            Array(writer, "response_types_supported", "id_token");
            Array(writer, "subject_types_supported", "public");
            Array(writer, "id_token_signing_alg_values_supported", "RS256");
            Array(writer, "claims_supported", "sub", "aud", "iss", "amr", "exp", "iat");
        }), "application/json");

    private static async Task<IResult> JwksAsync(OpenIdTokenKeys keys, CancellationToken ct)
    {
        // Create the first key if there is none yet, so that the set is never empty.
        await keys.SigningCredentialsAsync(ct);
        var published = await keys.PublishedAsync(ct);
        return Results.Text(Write(writer =>
        {
            writer.WriteStartArray("keys");
            foreach (var key in published)
            {
                writer.WriteStartObject();
                writer.WriteString("kty", "RSA");
                writer.WriteString("alg", "RS256");
                writer.WriteString("use", "sig");
                writer.WriteString("kid", key.Kid);
                writer.WriteString("n", key.Modulus);
                writer.WriteString("e", key.Exponent);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }), "application/json");
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
