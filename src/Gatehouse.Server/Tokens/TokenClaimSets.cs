using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Gatehouse.Server.Tokens;

/// <summary>
/// Cognito's claim sets (protocol-notes §9, from the developer guide's ID/access token pages and aws-jwt-verify's
/// types). ID token: <c>sub</c>, <c>cognito:groups</c> (omitted when none), <c>cognito:preferred_role</c> and
/// <c>cognito:roles</c> (omitted when no group has a role), the attributes the client may read
/// (<c>email_verified</c>/<c>phone_number_verified</c> as JSON booleans, <c>updated_at</c> as a number, everything
/// else, <c>custom:*</c> included, as strings), <c>iss</c>, <c>cognito:username</c>, <c>origin_jti</c>, <c>aud</c>,
/// <c>event_id</c>, <c>token_use</c>=id, <c>auth_time</c>, <c>exp</c>, <c>iat</c>, <c>jti</c>. Access token: no
/// <c>aud</c> but <c>client_id</c>, <c>scope</c>, <c>username</c> and <c>version</c>=2. Times are epoch seconds.
/// </summary>
internal static class TokenClaimSets
{
    public const string AdminScope = "aws.cognito.signin.user.admin";

    private static readonly HashSet<string> BooleanAttributes =
        new(["email_verified", "phone_number_verified"], StringComparer.Ordinal);

    /// <summary>
    /// The ID token; <paramref name="oauth"/> adds the hosted UI's <c>nonce</c> (from the authorize request) and
    /// <c>at_hash</c> (OIDC Core §3.1.3.6: base64url of the left half of SHA-256 of the access token).
    /// </summary>
    public static string IdToken(
        TokenSubject subject, TokenGrant grant, TimeSpan validity, IReadOnlyCollection<string>? readAttributes, string jti,
        IdTokenExtras? oauth = null)
    {
        return Write(writer =>
        {
            if (oauth?.AtHash is { } atHash)
            {
                writer.WriteString("at_hash", atHash);
            }

            writer.WriteString("sub", subject.Sub);
            WriteGroups(writer, subject.Groups);
            WriteRoles(writer, subject);
            foreach (var (name, value) in subject.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                if (!string.Equals(name, "sub", StringComparison.Ordinal)
                    && (readAttributes is null || readAttributes.Contains(name)))
                {
                    WriteAttribute(writer, name, value);
                }
            }

            writer.WriteString("iss", grant.Issuer);
            writer.WriteString("cognito:username", subject.Username);
            writer.WriteString("origin_jti", grant.OriginJti);
            writer.WriteString("aud", grant.ClientId);
            writer.WriteString("event_id", grant.EventId);
            writer.WriteString("token_use", "id");
            WriteTimes(writer, grant, validity, jti);
            if (oauth?.Nonce is { } nonce)
            {
                writer.WriteString("nonce", nonce);
            }
        });
    }

    /// <summary>The access token; <paramref name="scope"/> is the API's admin scope or the OAuth scopes granted.</summary>
    public static string AccessToken(
        TokenSubject subject, TokenGrant grant, TimeSpan validity, string jti, string scope = AdminScope,
        string? deviceKey = null)
    {
        return Write(writer =>
        {
            writer.WriteString("sub", subject.Sub);
            WriteGroups(writer, subject.Groups);
            if (deviceKey is not null)
            {
                // The device of a sign-in on a pool that tracks devices (protocol-notes §9).
                writer.WriteString("device_key", deviceKey);
            }

            writer.WriteString("iss", grant.Issuer);
            writer.WriteString("client_id", grant.ClientId);
            writer.WriteString("origin_jti", grant.OriginJti);
            writer.WriteString("event_id", grant.EventId);
            writer.WriteString("token_use", "access");
            writer.WriteString("scope", scope);
            WriteTimes(writer, grant, validity, jti);
            writer.WriteString("username", subject.Username);
            writer.WriteNumber("version", 2);
        });
    }

    /// <summary>
    /// The access token of a client_credentials grant (machine to machine): the client is the subject; no user
    /// claims, no <c>username</c>, no <c>origin_jti</c>; the granted custom scopes.
    /// </summary>
    public static string ClientCredentialsAccessToken(
        string issuer, string clientId, string scope, DateTimeOffset now, TimeSpan validity, string jti, string eventId)
    {
        return Write(writer =>
        {
            writer.WriteString("sub", clientId);
            writer.WriteString("token_use", "access");
            writer.WriteString("scope", scope);
            writer.WriteNumber("auth_time", now.ToUnixTimeSeconds());
            writer.WriteString("iss", issuer);
            writer.WriteNumber("exp", (now + validity).ToUnixTimeSeconds());
            writer.WriteNumber("iat", now.ToUnixTimeSeconds());
            writer.WriteNumber("version", 2);
            writer.WriteString("jti", jti);
            writer.WriteString("event_id", eventId);
            writer.WriteString("client_id", clientId);
        });
    }

    private static void WriteTimes(Utf8JsonWriter writer, TokenGrant grant, TimeSpan validity, string jti)
    {
        writer.WriteNumber("auth_time", grant.AuthTime.ToUnixTimeSeconds());
        writer.WriteNumber("exp", (grant.IssuedAt + validity).ToUnixTimeSeconds());
        writer.WriteNumber("iat", grant.IssuedAt.ToUnixTimeSeconds());
        writer.WriteString("jti", jti);
    }

    private static void WriteGroups(Utf8JsonWriter writer, IReadOnlyList<string> groups)
    {
        if (groups.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("cognito:groups");
        foreach (var group in groups)
        {
            writer.WriteStringValue(group);
        }

        writer.WriteEndArray();
    }

    private static void WriteRoles(Utf8JsonWriter writer, TokenSubject subject)
    {
        if (subject.PreferredRole is { } preferred)
        {
            writer.WriteString("cognito:preferred_role", preferred);
        }

        if (subject.Roles is not { Count: > 0 } roles)
        {
            return;
        }

        writer.WriteStartArray("cognito:roles");
        foreach (var role in roles)
        {
            writer.WriteStringValue(role);
        }

        writer.WriteEndArray();
    }

    private static void WriteAttribute(Utf8JsonWriter writer, string name, string value)
    {
        if (string.Equals(name, "identities", StringComparison.Ordinal) && value.StartsWith('['))
        {
            // A federated user's identities (Federation/IdentityEntry): a JSON array in the token, as Cognito's.
            writer.WritePropertyName(name);
            writer.WriteRawValue(value, skipInputValidation: false);
        }
        else if (BooleanAttributes.Contains(name) && bool.TryParse(value, out var flag))
        {
            writer.WriteBoolean(name, flag);
        }
        else if (string.Equals(name, "updated_at", StringComparison.Ordinal)
            && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            writer.WriteNumber(name, seconds);
        }
        else
        {
            writer.WriteString(name, value);
        }
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

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
