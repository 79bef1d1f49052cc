namespace Gatehouse.Server.Storage;

/// <summary>
/// One login linked to an identity: the provider's name as the Logins map keys it (a user pool's
/// <c>cognito-idp.&lt;region&gt;.amazonaws.com/&lt;poolId&gt;</c>, an OIDC provider's host, a social provider's domain, or
/// the pool's developer provider name) and the user's subject there. The key (pool, provider, subject) is unique, so
/// one login belongs to one identity of a pool, whichever node links it first.
/// </summary>
internal sealed class IdentityLogin
{
    public required string PoolId { get; set; }

    public required string Provider { get; set; }

    public required string Subject { get; set; }

    public required string IdentityId { get; set; }

    public DateTimeOffset LinkedAt { get; set; }
}
