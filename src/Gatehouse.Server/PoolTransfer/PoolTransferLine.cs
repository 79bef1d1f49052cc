using Gatehouse.Server.Storage;

namespace Gatehouse.Server.PoolTransfer;

/// <summary>
/// One line of an export (format v1, docs/pool-transfer.md): <see cref="Type"/> names which member is set. The
/// members are the store's own rows, so every column travels; in the file, every <c>*Protected</c> column holds the
/// secret unwrapped (plaintext), and import wraps it again under the target instance's master key. Row ids are not
/// kept (the target numbers its rows); pool ids, client ids, usernames and subs are.
/// </summary>
internal sealed record PoolTransferLine
{
    public const int FormatVersion = 1;

    public required string Type { get; init; }

    public int? Version { get; init; }

    public UserPool? Pool { get; init; }

    public AppClient? AppClient { get; init; }

    public ResourceServer? ResourceServer { get; init; }

    public UserPoolDomain? Domain { get; init; }

    public Group? Group { get; init; }

    public IdentityProvider? IdentityProvider { get; init; }

    public UiCustomization? UiCustomization { get; init; }

    public SigningKey? SigningKey { get; init; }

    public SamlCertificate? SamlCertificate { get; init; }

    public PoolTransferUser? User { get; init; }

    /// <summary>On the <c>end</c> line: how many pools and users the file holds.</summary>
    public int? Pools { get; init; }

    public long? Users { get; init; }
}
