namespace Gatehouse.Server.Storage;

/// <summary>
/// An IAM OpenID Connect provider (CreateOpenIDConnectProvider). <see cref="HostPath"/> is the URL without its
/// scheme, lower-cased host, as the ARN carries it (<c>arn:aws:iam::&lt;account&gt;:oidc-provider/&lt;host/path&gt;</c>);
/// <see cref="ClientIds"/> and <see cref="Thumbprints"/> are JSON arrays, <see cref="Tags"/> a JSON object, v1.
/// </summary>
internal sealed class IamOidcProvider
{
    public required string HostPath { get; set; }

    public required string Url { get; set; }

    public string ClientIds { get; set; } = "[]";

    public string Thumbprints { get; set; } = "[]";

    public string Tags { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }
}
