namespace Gatehouse.Server.Storage;

/// <summary>
/// An RSA-2048 key that signs one kind of token (<see cref="Use"/> = <c>id</c> or <c>access</c>) of one pool.
/// <see cref="PrivateKeyProtected"/> is the PKCS#8 private key, base64, encrypted with
/// <see cref="SecretProtector"/> (purpose <c>Tokens.SigningKey</c>); the public half is kept in the clear
/// (<see cref="Modulus"/>, <see cref="Exponent"/>, base64url) for the JWKS. <see cref="Generation"/> counts the
/// pool's keys of that use (unique with them, so two nodes creating the first key at once cannot both win).
/// A key signs from <see cref="NotBefore"/> until it is retired; it stays published while tokens it signed can
/// still be valid (<see cref="PublishedUntil"/>).
/// </summary>
internal sealed class SigningKey
{
    public required string Kid { get; set; }

    public required string PoolId { get; set; }

    public required string Use { get; set; }

    public int Generation { get; set; }

    public required string PrivateKeyProtected { get; set; }

    public required string Modulus { get; set; }

    public required string Exponent { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NotBefore { get; set; }

    public DateTimeOffset? RetiredAt { get; set; }

    /// <summary>When a retired key leaves the JWKS: its retirement plus the longest token lifetime.</summary>
    public DateTimeOffset? PublishedUntil { get; set; }
}
