using System.Text.Json;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.IdentityPools;

/// <summary>Reads and writes the JSON columns of an <see cref="IdentityPoolRecord"/> (format v1, wire shapes).</summary>
internal static class IdentityPoolSettings
{
    private static IdentityPoolsJsonContext Json => IdentityPoolsJsonContext.Default;

    public static IdentityPoolProviders Providers(IdentityPoolRecord pool) =>
        JsonSerializer.Deserialize(pool.Providers, Json.IdentityPoolProviders) ?? new IdentityPoolProviders();

    public static void SetProviders(IdentityPoolRecord pool, IdentityPoolProviders providers) =>
        pool.Providers = JsonSerializer.Serialize(providers, Json.IdentityPoolProviders);

    /// <summary>The pool's roles: <c>authenticated</c> and <c>unauthenticated</c> → role ARN.</summary>
    public static Dictionary<string, string> Roles(IdentityPoolRecord pool) => Map(pool.Roles, Json.DictionaryStringString);

    public static void SetRoles(IdentityPoolRecord pool, IReadOnlyDictionary<string, string> roles) =>
        pool.Roles = JsonSerializer.Serialize(new Dictionary<string, string>(roles, StringComparer.Ordinal), Json.DictionaryStringString);

    /// <summary>The pool's role mappings by provider name (a user pool's <c>cognito-idp...:clientId</c> key).</summary>
    public static Dictionary<string, RoleMapping> RoleMappings(IdentityPoolRecord pool) =>
        Map(pool.RoleMappings, Json.DictionaryStringRoleMapping);

    public static void SetRoleMappings(IdentityPoolRecord pool, IReadOnlyDictionary<string, RoleMapping> mappings) =>
        pool.RoleMappings = JsonSerializer.Serialize(
            new Dictionary<string, RoleMapping>(mappings, StringComparer.Ordinal), Json.DictionaryStringRoleMapping);

    /// <summary>The pool's principal-tag maps by provider name.</summary>
    public static Dictionary<string, PrincipalTagMapping> PrincipalTags(IdentityPoolRecord pool) =>
        Map(pool.PrincipalTags, Json.DictionaryStringPrincipalTagMapping);

    public static void SetPrincipalTags(IdentityPoolRecord pool, IReadOnlyDictionary<string, PrincipalTagMapping> tags) =>
        pool.PrincipalTags = JsonSerializer.Serialize(
            new Dictionary<string, PrincipalTagMapping>(tags, StringComparer.Ordinal), Json.DictionaryStringPrincipalTagMapping);

    public static Dictionary<string, string> Tags(IdentityPoolRecord pool) => Map(pool.Tags, Json.DictionaryStringString);

    public static void SetTags(IdentityPoolRecord pool, IReadOnlyDictionary<string, string> tags) =>
        pool.Tags = JsonSerializer.Serialize(new Dictionary<string, string>(tags, StringComparer.Ordinal), Json.DictionaryStringString);

    private static Dictionary<string, TValue> Map<TValue>(
        string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<Dictionary<string, TValue>> type) =>
        new(JsonSerializer.Deserialize(json, type) ?? [], StringComparer.Ordinal);
}
