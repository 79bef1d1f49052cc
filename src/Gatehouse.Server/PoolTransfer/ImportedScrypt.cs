using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Server.PoolTransfer;

/// <summary>
/// scrypt (RFC 7914) through libsodium's <c>crypto_pwhash_scryptsalsa208sha256_ll</c>, by P/Invoke. libsodium is
/// already shipped with the server (the <c>libsodium</c> package under NSec.Cryptography); NSec's own scrypt wrapper
/// takes only salts of libsodium's fixed 32 bytes, and imported hashes carry salts of any length, so the low-level
/// call that takes N, r, p and a salt of any length is used directly.
/// </summary>
internal static partial class ImportedScrypt
{
    private const string Library = "libsodium";

    private static readonly int Initialized = SodiumInit();

    public static byte[] Derive(string password, byte[] salt, int n, int r, int p, int length)
    {
        _ = Initialized;
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        var output = new byte[length];
        if (ScryptLowLevel(passwordBytes, (nuint)passwordBytes.Length, salt, (nuint)salt.Length, (ulong)n, (uint)r, (uint)p,
                output, (nuint)output.Length) != 0)
        {
            throw new CryptographicException("scrypt failed (parameters out of range or out of memory).");
        }

        return output;
    }

    private static int SodiumInit() =>
        Init() >= 0 ? 0 : throw new CryptographicException("libsodium could not be initialised.");

    [LibraryImport(Library, EntryPoint = "sodium_init")]
    private static partial int Init();

    [LibraryImport(Library, EntryPoint = "crypto_pwhash_scryptsalsa208sha256_ll")]
    private static partial int ScryptLowLevel(byte[] password, nuint passwordLength, byte[] salt, nuint saltLength,
        ulong n, uint r, uint p, byte[] output, nuint outputLength);
}
