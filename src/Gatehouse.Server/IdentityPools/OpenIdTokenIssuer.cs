using System.Text;
using System.Text.Json;
using Gatehouse.Server.Tokens;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// Mints identity-pool OpenID tokens (GetOpenIdToken, GetOpenIdTokenForDeveloperIdentity). The claims are those of a
/// real Cognito token as decoded in awslabs/aws-jwt-verify issue #89: <c>sub</c> (the identity id), <c>aud</c> (the
/// identity pool id), <c>iss</c>, <c>amr</c> (<c>unauthenticated</c>, or <c>authenticated</c> and each login
/// provider), <c>exp</c>, <c>iat</c>; principal tags of a developer identity go in <c>https://aws.amazon.com/tags</c>
/// as STS reads session tags from web identity tokens (IAM User Guide, id_session-tags.html). RS256 with a
/// <c>kid</c> from <see cref="OpenIdTokenKeys"/>; <c>iss</c> is <see cref="IdentityPoolSignInOptions.OpenIdIssuer"/>
/// or <c>&lt;public base URL&gt;/cognito-identity</c>, the issuer STS's AssumeRoleWithWebIdentity accepts.
/// </summary>
internal sealed class OpenIdTokenIssuer(
    OpenIdTokenKeys keys, PoolIssuer poolIssuer, IOptions<IdentityPoolSignInOptions> options, TimeProvider clock)
{
    public const string Unauthenticated = "unauthenticated";
    public const string Authenticated = "authenticated";

    /// <summary>GetOpenIdToken: "The OpenID token is valid for 10 minutes."</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(10);

    public string Issuer() =>
        options.Value.OpenIdIssuer is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : poolIssuer.PublicBaseUrl() + "/cognito-identity";

    public async Task<string> IssueAsync(
        string poolId, string identityId, IReadOnlyList<string> amr, TimeSpan lifetime,
        IReadOnlyDictionary<string, string>? principalTags, CancellationToken ct)
    {
        var credentials = await keys.SigningCredentialsAsync(ct);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("sub", identityId);
            writer.WriteString("aud", poolId);
            writer.WriteString("iss", Issuer());
            writer.WriteStartArray("amr");
            foreach (var value in amr)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
            if (principalTags is { Count: > 0 })
            {
                writer.WriteStartObject("https://aws.amazon.com/tags");
                writer.WriteStartObject("principal_tags");
                foreach (var (key, value) in principalTags)
                {
                    writer.WriteStartArray(key);
                    writer.WriteStringValue(value);
                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteNumber("exp", now + (long)lifetime.TotalSeconds);
            writer.WriteNumber("iat", now);
            writer.WriteEndObject();
        }

        return LoginClaims.JwtHandler.CreateToken(Encoding.UTF8.GetString(stream.ToArray()), credentials);
    }
}
