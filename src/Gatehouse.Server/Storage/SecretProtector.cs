using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Server.Storage;

/// <summary>
/// Encrypts secrets at rest (signing keys, client secrets, SRP verifiers, access key secrets) with a master key
/// kept outside the database.
/// Format v1: <c>v1.</c> + base64url( nonce[12] ‖ ciphertext ‖ tag[16] ), AES-256-GCM, with the purpose string
/// as associated data so that a value cannot be moved to another column.
/// </summary>
internal sealed class SecretProtector(MasterKey masterKey)
{
    private const string V1 = "v1.";

    public string Protect(string purpose, string plaintext)
    {
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[12 + data.Length + 16];
        var nonce = output.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(masterKey.Bytes, 16);
        aes.Encrypt(nonce, data, output.AsSpan(12, data.Length), output.AsSpan(12 + data.Length), Encoding.UTF8.GetBytes(purpose));
        return V1 + Base64Url(output);
    }

    public string Unprotect(string purpose, string protectedValue)
    {
        if (!protectedValue.StartsWith(V1, StringComparison.Ordinal))
        {
            throw new CryptographicException("Unknown protected-secret format.");
        }

        var input = FromBase64Url(protectedValue[V1.Length..]);
        if (input.Length < 28)
        {
            throw new CryptographicException("Protected secret is truncated.");
        }

        var plaintext = new byte[input.Length - 28];
        using var aes = new AesGcm(masterKey.Bytes, 16);
        aes.Decrypt(input.AsSpan(0, 12), input.AsSpan(12, plaintext.Length), input.AsSpan(12 + plaintext.Length),
            plaintext, Encoding.UTF8.GetBytes(purpose));
        return Encoding.UTF8.GetString(plaintext);
    }

    private static string Base64Url(byte[] data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
