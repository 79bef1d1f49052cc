namespace Gatehouse.Server.Storage;

/// <summary>
/// A customer managed policy (CreatePolicy), with one version, <c>v1</c>, whose JSON text is <see cref="Document"/>.
/// <see cref="NameKey"/> is the lower-cased name, unique; the ARN is derived (<c>arn:aws:iam::&lt;account&gt;:policy&lt;path&gt;&lt;name&gt;</c>).
/// </summary>
internal sealed class IamPolicy
{
    public required string PolicyId { get; set; }

    public required string PolicyName { get; set; }

    public required string NameKey { get; set; }

    public string Path { get; set; } = "/";

    public string? Description { get; set; }

    public required string Document { get; set; }

    public string DefaultVersionId { get; set; } = "v1";

    public string Tags { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}
