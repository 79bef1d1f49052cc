namespace Gatehouse.Server.Storage;

/// <summary>
/// One upstream identity (provider name and the provider's subject) and the pool user it signs in as: the
/// <c>&lt;ProviderName&gt;_&lt;subject&gt;</c> user created by its first sign-in, or, after AdminLinkProviderForUser,
/// an existing native user. Unique per pool, provider and subject, so two providers asserting the same email or
/// subject stay separate identities. <see cref="ProviderUserId"/> is what Cognito calls the identity's
/// <c>userId</c> in the <c>identities</c> attribute (the upstream subject, or the linked attribute's value).
/// </summary>
internal sealed class FederatedIdentity
{
    public long Id { get; set; }

    public required string PoolId { get; set; }

    public required string ProviderName { get; set; }

    public required string ProviderUserId { get; set; }

    public long UserId { get; set; }

    /// <summary>True for an identity made by AdminLinkProviderForUser (the user existed before it).</summary>
    public bool Linked { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
