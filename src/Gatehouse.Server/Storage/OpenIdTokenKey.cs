namespace Gatehouse.Server.Storage;

/// <summary>
/// An RSA-2048 key that signs identity pools' OpenID tokens (GetOpenIdToken). As <see cref="SigningKey"/>, but of
/// the server, not of a user pool: <see cref="PrivateKeyProtected"/> is the PKCS#8 key, base64, encrypted with
/// <see cref="SecretProtector"/>; <see cref="Generation"/> is unique, so two nodes creating the first key cannot both win.
/// </summary>
internal sealed class OpenIdTokenKey
{
    public required string Kid { get; set; }

    public int Generation { get; set; }

    public required string PrivateKeyProtected { get; set; }

    public required string Modulus { get; set; }

    public required string Exponent { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
