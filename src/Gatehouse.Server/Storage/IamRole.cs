namespace Gatehouse.Server.Storage;

/// <summary>
/// An IAM role. <see cref="NameKey"/> is the lower-cased name (IAM names are unique regardless of case); the ARN is
/// derived (<c>arn:aws:iam::&lt;account&gt;:role&lt;path&gt;&lt;name&gt;</c>). <see cref="AssumeRolePolicyDocument"/> is
/// the trust policy's JSON text as sent; <see cref="Tags"/> a JSON object of key to value, v1.
/// </summary>
internal sealed class IamRole
{
    public required string RoleId { get; set; }

    public required string RoleName { get; set; }

    public required string NameKey { get; set; }

    public string Path { get; set; } = "/";

    public string? Description { get; set; }

    public required string AssumeRolePolicyDocument { get; set; }

    public int MaxSessionDuration { get; set; } = 3600;

    public string Tags { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }

    public long Version { get; set; }
}
