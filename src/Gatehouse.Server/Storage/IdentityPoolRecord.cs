namespace Gatehouse.Server.Storage;

/// <summary>
/// An identity pool (cognito-identity). <see cref="Id"/> is <c>&lt;region&gt;:&lt;uuid&gt;</c>. The login-provider
/// settings are one JSON object, format v1, in the wire shapes of CreateIdentityPool:
/// <c>{"SupportedLoginProviders":{..},"OpenIdConnectProviderARNs":[..],"CognitoIdentityProviders":[{"ProviderName",
/// "ClientId","ServerSideTokenCheck"}],"SamlProviderARNs":[..]}</c>. <see cref="Roles"/> (<c>{"authenticated":arn,
/// "unauthenticated":arn}</c>), <see cref="RoleMappings"/> (provider → RoleMapping) and <see cref="PrincipalTags"/>
/// (provider → <c>{"UseDefaults":bool,"PrincipalTags":{..}}</c>) are JSON objects of the wire shapes too, v1.
/// </summary>
internal sealed class IdentityPoolRecord
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public bool AllowUnauthenticated { get; set; }

    public bool AllowClassicFlow { get; set; }

    public string? DeveloperProviderName { get; set; }

    public string Providers { get; set; } = "{}";

    public string Roles { get; set; } = "{}";

    public string RoleMappings { get; set; } = "{}";

    public string PrincipalTags { get; set; } = "{}";

    /// <summary>The pool's tags, a JSON object of key to value, v1.</summary>
    public string Tags { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastModifiedAt { get; set; }

    public long Version { get; set; }
}
