using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.TestKit;

/// <summary>
/// The client half of device SRP (protocol-notes §11, "Device SRP"), as amazon-cognito-identity-js does it: for a
/// NewDeviceMetadata it picks a random device password and salt and builds ConfirmDevice's
/// DeviceSecretVerifierConfig (<see cref="VerifierConfig"/>); at sign-in it sends <see cref="SrpA"/> with
/// DEVICE_SRP_AUTH and answers DEVICE_PASSWORD_VERIFIER (<see cref="Answer"/>), with the device group key as the
/// pool name and the device key as the user id. Written from the notes, independently of the server's SrpMath.
/// </summary>
public sealed class DeviceSrpTestClient
{
    private static readonly BigInteger N = BigInteger.Parse(
        "0FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
        "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
        "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
        "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
        "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
        "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
        "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
        "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
        NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static readonly BigInteger G = 2;
    private static readonly BigInteger K = Int(SHA256.HashData([.. Pad(N), .. Pad(G)]));
    private readonly BigInteger _salt = Int(RandomNumberGenerator.GetBytes(16));
    private BigInteger _a;
    private BigInteger _bigA;

    public DeviceSrpTestClient(string deviceKey, string deviceGroupKey)
    {
        DeviceKey = deviceKey;
        DeviceGroupKey = deviceGroupKey;
        RandomPassword = Convert.ToBase64String(RandomNumberGenerator.GetBytes(40));
        NewA();
    }

    public string DeviceKey { get; }

    public string DeviceGroupKey { get; }

    public string RandomPassword { get; }

    /// <summary>A as the JS clients send it: <c>toString(16)</c>, unpadded.</summary>
    public string SrpA => Convert.ToHexStringLower(_bigA.ToByteArray(isUnsigned: true, isBigEndian: true)).TrimStart('0');

    /// <summary>ConfirmDevice's DeviceSecretVerifierConfig: base64 of the padHex bytes of the salt and of v.</summary>
    public object VerifierConfig => new
    {
        Salt = Convert.ToBase64String(Pad(_salt)),
        PasswordVerifier = Convert.ToBase64String(Pad(BigInteger.ModPow(G, X(_salt), N))),
    };

    /// <summary>A fresh secret a for the next sign-in.</summary>
    public void NewA()
    {
        _a = Int(RandomNumberGenerator.GetBytes(32));
        _bigA = BigInteger.ModPow(G, _a, N);
    }

    public (string Signature, string Timestamp) Answer(string saltHex, string srpBHex, string secretBlock, DateTimeOffset now)
    {
        var bigB = Hex(srpBHex);
        var u = Int(SHA256.HashData([.. Pad(_bigA), .. Pad(bigB)]));
        var x = X(Hex(saltHex));
        var baseValue = ((bigB - (K * BigInteger.ModPow(G, x, N))) % N + N) % N;
        var s = BigInteger.ModPow(baseValue, _a + (u * x), N);
        var prk = HMACSHA256.HashData(Pad(u), Pad(s));
        var key = HMACSHA256.HashData(prk, Encoding.UTF8.GetBytes("Caldera Derived Key\u0001"))[..16];
        var timestamp = now.UtcDateTime.ToString("ddd MMM d HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);
        byte[] message =
        [
            .. Encoding.UTF8.GetBytes(DeviceGroupKey + DeviceKey), .. Convert.FromBase64String(secretBlock),
            .. Encoding.UTF8.GetBytes(timestamp),
        ];
        return (Convert.ToBase64String(HMACSHA256.HashData(key, message)), timestamp);
    }

    private BigInteger X(BigInteger salt)
    {
        var inner = SHA256.HashData(Encoding.UTF8.GetBytes(DeviceGroupKey + DeviceKey + ":" + RandomPassword));
        return Int(SHA256.HashData([.. Pad(salt), .. inner]));
    }

    private static BigInteger Hex(string hex) =>
        BigInteger.Parse("0" + hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static BigInteger Int(byte[] bytes) => new(bytes, isUnsigned: true, isBigEndian: true);

    private static byte[] Pad(BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return bytes.Length > 0 && bytes[0] >= 0x80 ? [0, .. bytes] : bytes;
    }
}
