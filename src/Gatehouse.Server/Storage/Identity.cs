namespace Gatehouse.Server.Storage;

/// <summary>An identity of an identity pool: <see cref="Id"/> is <c>&lt;region&gt;:&lt;uuid&gt;</c>; its logins are
/// <see cref="IdentityLogin"/> rows (none: a guest identity).</summary>
internal sealed class Identity
{
    public required string Id { get; set; }

    public required string PoolId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastModifiedAt { get; set; }

    public long Version { get; set; }
}
