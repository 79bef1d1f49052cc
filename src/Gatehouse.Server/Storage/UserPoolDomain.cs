namespace Gatehouse.Server.Storage;

/// <summary>
/// A pool's hosted domain: a prefix (<c>my-app</c>, served as <c>&lt;prefix&gt;.&lt;AuthDomainSuffix&gt;</c> and
/// under <c>/domains/&lt;prefix&gt;/</c>) or a custom domain (<c>auth.example.com</c>, with the certificate ARN the
/// API was given). <see cref="Domain"/> is unique across the whole instance, as in Cognito.
/// </summary>
internal sealed class UserPoolDomain
{
    public required string Domain { get; set; }

    public required string PoolId { get; set; }

    /// <summary>Set for a custom domain; null for a prefix domain.</summary>
    public string? CertificateArn { get; set; }

    /// <summary>1 = classic hosted UI, 2 = managed login (both render the same pages here).</summary>
    public int ManagedLoginVersion { get; set; } = 1;

    public DateTimeOffset CreatedAt { get; set; }

    public long Version { get; set; }

    public bool IsCustom => CertificateArn is not null;
}
