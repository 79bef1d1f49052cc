using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Server.Auth;

/// <summary>
/// Cognito's SRP-6a variant, byte-compatible with amazon-cognito-identity-js and Amplify v6
/// (<c>shared/api/protocol-notes.md</c> §11): the RFC 3526 3072-bit group with g = 2, SHA-256,
/// k = H(padHex(N) ‖ padHex(g)), Java-style <c>padHex</c> byte forms, and the "Caldera Derived Key" HKDF.
/// Pure functions; exponentiation goes through GMP when the machine has it.
/// </summary>
internal static class SrpMath
{
    public static readonly BigInteger N = ParseHex(
        "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A4" +
        "31B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F2411" +
        "7C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED5" +
        "29077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C" +
        "9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458D" +
        "BEF0A8AEA71575D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D876027" +
        "33EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFF" +
        "FFFFFFFFFFFFF");

    public static readonly BigInteger G = 2;

    public static readonly BigInteger K = FromBytes(SHA256.HashData([.. PadBytes(N), .. PadBytes(G)]));

    private static readonly byte[] DerivedKeyInfo = Encoding.UTF8.GetBytes("Caldera Derived Key\u0001");

    /// <summary>(value ^ exponent) mod N, through GMP when it is there.</summary>
    public static BigInteger PowModN(BigInteger value, BigInteger exponent) =>
        exponent.IsZero ? BigInteger.One
        : Gmp.Available ? Gmp.PowModSecure(value, exponent, N)
        : BigInteger.ModPow(value, exponent, N);

    /// <summary>x = H(salt ‖ H(poolName ‖ userId ‖ ":" ‖ password)), with the salt in its padHex byte form.</summary>
    public static BigInteger ComputeX(string poolName, string userId, string password, BigInteger salt)
    {
        var inner = SHA256.HashData(Encoding.UTF8.GetBytes(poolName + userId + ":" + password));
        return FromBytes(SHA256.HashData([.. PadBytes(salt), .. inner]));
    }

    public static BigInteger Verifier(BigInteger x) => PowModN(G, x);

    /// <summary>B = (k·v + g^b) mod N.</summary>
    public static BigInteger ComputeB(BigInteger verifier, BigInteger b) =>
        ((K * verifier) + PowModN(G, b)) % N;

    /// <summary>u = H(padHex(A) ‖ padHex(B)).</summary>
    public static BigInteger ComputeU(BigInteger a, BigInteger b) =>
        FromBytes(SHA256.HashData([.. PadBytes(a), .. PadBytes(b)]));

    /// <summary>The server's S = (A · v^u)^b mod N.</summary>
    public static BigInteger ServerS(BigInteger a, BigInteger verifier, BigInteger u, BigInteger b) =>
        PowModN(a * PowModN(verifier, u) % N, b);

    /// <summary>One HKDF-SHA256 block: PRK = HMAC(padHex(u), padHex(S)); K = HMAC(PRK, info ‖ 0x01)[0..16).</summary>
    public static byte[] DerivedKey(BigInteger u, BigInteger s)
    {
        var prk = HMACSHA256.HashData(PadBytes(u), PadBytes(s));
        return HMACSHA256.HashData(prk, DerivedKeyInfo)[..16];
    }

    /// <summary>base64(HMAC(K, poolName ‖ userId ‖ secretBlock ‖ timestamp)), the PASSWORD_CLAIM_SIGNATURE.</summary>
    public static string ClaimSignature(byte[] key, string poolName, string userId, byte[] secretBlock, string timestamp)
    {
        byte[] message = [.. Encoding.UTF8.GetBytes(poolName + userId), .. secretBlock, .. Encoding.UTF8.GetBytes(timestamp)];
        return Convert.ToBase64String(HMACSHA256.HashData(key, message));
    }

    /// <summary>
    /// Java <c>BigInteger.toByteArray</c> form the clients hash: minimal big-endian bytes, with a leading 0x00 when
    /// the top bit is set.
    /// </summary>
    public static byte[] PadBytes(BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return bytes.Length > 0 && bytes[0] >= 0x80 ? [0, .. bytes] : bytes;
    }

    public static string PadHex(BigInteger value) => Convert.ToHexStringLower(PadBytes(value));

    /// <summary>Lower-case hex without padding, as the clients print numbers (<c>toString(16)</c>).</summary>
    public static string ToHex(BigInteger value)
    {
        var hex = Convert.ToHexStringLower(value.ToByteArray(isUnsigned: true, isBigEndian: true));
        return hex.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0";
    }

    /// <summary>Parses unsigned hex of any length, odd lengths included (clients send SRP_A unpadded).</summary>
    public static BigInteger ParseHex(string hex) =>
        BigInteger.Parse("0" + hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    public static bool TryParseHex(string? hex, out BigInteger value)
    {
        value = default;
        return hex is { Length: > 0 and <= 2048 } && hex.All(char.IsAsciiHexDigit) && (value = ParseHex(hex)) >= 0;
    }

    public static BigInteger FromBytes(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: true);
}
