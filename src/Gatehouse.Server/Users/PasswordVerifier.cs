using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Server.Users;

/// <summary>
/// Cognito's SRP password verifier (protocol-notes §11): <c>x = H(saltBytes ‖ H(utf8(poolName ‖ userIdForSrp ‖ ":"
/// ‖ password)))</c>, <c>v = g^x mod N</c> with the RFC 3526 3072-bit group, g = 2, SHA-256.
/// Stored format v1: <c>PasswordSalt</c> = the salt as lower-case hex (16 random bytes), and the verifier as
/// lower-case hex of <c>v</c> (no padding), encrypted with <see cref="Storage.SecretProtector"/> under
/// <see cref="ProtectPurpose"/>.
/// </summary>
internal static class PasswordVerifier
{
    public const string ProtectPurpose = "srp-verifier";

    // RFC 3526 §4, 3072-bit MODP group; the same constant amazon-cognito-identity-js uses.
    private const string NHex =
        "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
        "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
        "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
        "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
        "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
        "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
        "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
        "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF";

    public static BigInteger N { get; } = FromHex(NHex);

    public static BigInteger G { get; } = new(2);

    /// <summary>16 random bytes as lower-case hex.</summary>
    public static string NewSaltHex() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The SRP pool name: the part of the pool id after <c>_</c>.</summary>
    public static string PoolName(string userPoolId) => userPoolId[(userPoolId.IndexOf('_', StringComparison.Ordinal) + 1)..];

    public static BigInteger ComputeX(string poolName, string userIdForSrp, string password, string saltHex)
    {
        var inner = SHA256.HashData(Encoding.UTF8.GetBytes(poolName + userIdForSrp + ":" + password));
        // The client re-pads the salt it receives (Java toByteArray form), so hash those bytes, not the raw ones.
        var saltBytes = PaddedBytes(FromHex(saltHex));
        var outer = SHA256.HashData([.. saltBytes, .. inner]);
        return new BigInteger(outer, isUnsigned: true, isBigEndian: true);
    }

    /// <summary><c>v = g^x mod N</c> as lower-case hex without leading zeros.</summary>
    public static string ComputeVerifierHex(string poolName, string userIdForSrp, string password, string saltHex)
    {
        var v = BigInteger.ModPow(G, ComputeX(poolName, userIdForSrp, password, saltHex), N);
        return ToHex(v);
    }

    public static string ToHex(BigInteger value) =>
        Convert.ToHexStringLower(value.ToByteArray(isUnsigned: true, isBigEndian: true)).TrimStart('0') is
        { Length: > 0 } hex ? hex : "0";

    public static BigInteger FromHex(string hex)
    {
        // A leading "0" keeps BigInteger from reading a high first nibble as a sign bit.
        return BigInteger.Parse("0" + hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    /// <summary>The bytes of <c>padHex(i)</c>: big-endian, with a leading 0x00 when the high bit is set.</summary>
    public static byte[] PaddedBytes(BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return bytes.Length > 0 && bytes[0] >= 0x80 ? [0, .. bytes] : bytes;
    }
}
