namespace Gatehouse.Server.Storage;

/// <summary>
/// An access key that may sign admin (SigV4) operations. The secret is encrypted, not hashed, because SigV4
/// verification needs it to recompute the signature.
/// </summary>
internal sealed class AdminAccessKey
{
    public required string AccessKeyId { get; set; }

    public required string SecretProtected { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool Enabled { get; set; } = true;
}
