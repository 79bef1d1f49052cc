using System.Security.Cryptography;
using System.Text;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Auth;

/// <summary>
/// Seals the state an authentication flow hands to the client (SRP <c>SECRET_BLOCK</c>, challenge <c>Session</c>)
/// so that any node can continue the flow and nobody can read or change it.
/// Format v1: base64( 0x01 ‖ nonce[12] ‖ AES-256-GCM ciphertext ‖ tag[16] ), standard base64 with padding (what
/// the SRP clients decode). The key is HKDF-SHA256(master key, info <c>gatehouse/auth-blob/v1</c>); the purpose
/// (<c>srp-secret-block</c>, <c>auth-session</c>) is the associated data, so one kind cannot pass for another.
/// </summary>
internal sealed class AuthBlobSealer
{
    private const byte Version1 = 0x01;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public AuthBlobSealer(MasterKey masterKey)
    {
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey.Bytes, 32, salt: [],
            info: Encoding.UTF8.GetBytes("gatehouse/auth-blob/v1"));
    }

    public string Seal(string purpose, ReadOnlySpan<byte> plaintext)
    {
        var output = new byte[1 + NonceSize + plaintext.Length + TagSize];
        output[0] = Version1;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(1 + NonceSize, plaintext.Length),
            output.AsSpan(1 + NonceSize + plaintext.Length), Encoding.UTF8.GetBytes(purpose));
        return Convert.ToBase64String(output);
    }

    /// <summary>The plaintext, or null when the text is not a blob this server sealed for that purpose.</summary>
    public byte[]? Open(string purpose, string sealedText)
    {
        var input = new byte[(sealedText.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(sealedText, input, out var length)
            || length < 1 + NonceSize + TagSize || input[0] != Version1)
        {
            return null;
        }

        var plaintext = new byte[length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        try
        {
            aes.Decrypt(input.AsSpan(1, NonceSize), input.AsSpan(1 + NonceSize, plaintext.Length),
                input.AsSpan(1 + NonceSize + plaintext.Length, TagSize), plaintext, Encoding.UTF8.GetBytes(purpose));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return plaintext;
    }
}
