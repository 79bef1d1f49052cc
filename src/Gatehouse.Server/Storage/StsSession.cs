namespace Gatehouse.Server.Storage;

/// <summary>
/// A record of temporary credentials issued (AssumeRoleWithWebIdentity, GetCredentialsForIdentity). The secret is
/// kept only as <see cref="SecretHash"/> (SHA-256, hex); the session token itself carries what verification needs
/// (Sts/SessionToken), so checking a signature reads no row.
/// </summary>
internal sealed class StsSession
{
    public required string AccessKeyId { get; set; }

    public required string SecretHash { get; set; }

    public required string RoleId { get; set; }

    public required string SessionName { get; set; }

    public required string Source { get; set; }

    public string? Subject { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
