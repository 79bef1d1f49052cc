namespace Gatehouse.Server.Storage;

/// <summary>
/// A user's passkey (WebAuthn credential), registered by CompleteWebAuthnRegistration. <see cref="CredentialId"/>
/// is the authenticator's credential id as base64url without padding (the form ListWebAuthnCredentials and
/// DeleteWebAuthnCredential use), unique in the pool; <see cref="PublicKey"/> is the COSE_Key the authenticator
/// attested. <see cref="SignCount"/> is the last signature counter seen: an authenticator that counts must present a
/// larger one at every sign-in (W3C WebAuthn Level 2, §7.2 step 21), or the credential may have been cloned.
/// </summary>
internal sealed class WebAuthnCredential
{
    public long Id { get; set; }

    public required string PoolId { get; set; }

    public long UserId { get; set; }

    public required string CredentialId { get; set; }

    public required byte[] PublicKey { get; set; }

    public long SignCount { get; set; }

    /// <summary>The transports the browser reported (<c>usb</c>, <c>internal</c>, <c>hybrid</c>...), space-separated.</summary>
    public required string Transports { get; set; }

    public Guid Aaguid { get; set; }

    public required string FriendlyName { get; set; }

    public required string RelyingPartyId { get; set; }

    /// <summary><c>platform</c> or <c>cross-platform</c> when the browser said.</summary>
    public string? AuthenticatorAttachment { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
