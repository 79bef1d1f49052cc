namespace Gatehouse.Server.Storage;

/// <summary>
/// A user of a pool. <see cref="Attributes"/> is a JSON object of every attribute (standard and
/// <c>custom:</c>) by name, format v1. The columns beside it copy what queries filter on:
/// <see cref="UsernameKey"/> (the username, lower-cased in case-insensitive pools), the alias keys that must be
/// unique in a pool, and the lower-cased ListUsers-searchable attributes.
/// </summary>
internal sealed class User
{
    public long Id { get; set; }

    public required string PoolId { get; set; }

    public required string Username { get; set; }

    public required string UsernameKey { get; set; }

    public required string Sub { get; set; }

    public required string Status { get; set; }

    public bool Enabled { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastModifiedAt { get; set; }

    public string Attributes { get; set; } = "{}";

    // Sign-in aliases (unique per pool when set): verified email / phone, preferred_username.
    public string? EmailAliasKey { get; set; }

    public string? PhoneAliasKey { get; set; }

    public string? PreferredUsernameKey { get; set; }

    // ListUsers-searchable attributes, lower-cased, for indexed `=` and `^=` filters.
    public string? Email { get; set; }

    public string? PhoneNumber { get; set; }

    public string? Name { get; set; }

    public string? GivenName { get; set; }

    public string? FamilyName { get; set; }

    public string? PreferredUsername { get; set; }

    // Password, as Cognito's SRP verifier (DESIGN.md): salt hex, verifier encrypted.
    public string? PasswordSalt { get; set; }

    public string? PasswordVerifierProtected { get; set; }

    public DateTimeOffset? PasswordSetAt { get; set; }

    /// <summary>
    /// A password hash brought from another system by <c>gatehouse import</c> (bcrypt, scrypt, PBKDF2, Argon2id in
    /// their standard encodings, <c>PoolTransfer/ImportedPasswordHash</c>), encrypted with
    /// <see cref="SecretProtector"/> under the purpose <c>imported-password-hash</c>; set only while the user has no
    /// SRP verifier. The first password sign-in that matches it replaces it with the verifier.
    /// </summary>
    public string? ImportedPasswordHashProtected { get; set; }

    /// <summary>
    /// New email/phone_number values waiting for verification (pools whose UserAttributeUpdateSettings list them in
    /// AttributesRequireVerificationBeforeUpdate): a JSON object of attribute name to value, format v1, written by
    /// <c>Users/PendingAttributeValues</c>; null when nothing waits. The current values in <see cref="Attributes"/>
    /// stay in effect until the new one is verified.
    /// </summary>
    public string? PendingAttributes { get; set; }

    // Lockout, shared by every node and sign-in path.
    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public long Version { get; set; }
}
