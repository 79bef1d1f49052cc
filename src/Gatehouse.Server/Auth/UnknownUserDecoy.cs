using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Auth;

/// <summary>
/// Stand-ins for a user that does not exist, so that with PreventUserExistenceErrors ENABLED an unknown username
/// looks like a known one with a wrong password (STYLE.md §3). Everything is HMAC-SHA256 under a server secret
/// (HKDF of the master key, info <c>gatehouse/unknown-user/v1</c>) of the pool and the username as given, so
/// repeated calls see the same salt and, when usernames are UUIDs, the same USER_ID_FOR_SRP, as for a real user.
/// B itself is computed from this verifier with a fresh random b, exactly as for a real user (a fixed B would
/// give the decoy away, since a real user's B changes on every call).
/// </summary>
internal sealed class UnknownUserDecoy
{
    private readonly byte[] _secret;

    public UnknownUserDecoy(MasterKey masterKey)
    {
        _secret = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey.Bytes, 32, salt: [],
            info: Encoding.UTF8.GetBytes("gatehouse/unknown-user/v1"));
    }

    /// <summary>A 16-byte salt as lower-case hex, the stored salt format.</summary>
    public string SaltHex(string poolId, string username) => Convert.ToHexStringLower(Mac("salt", poolId, username)[..16]);

    /// <summary>A verifier g^x for a password nobody knows.</summary>
    public BigInteger Verifier(string poolId, string username) =>
        SrpMath.Verifier(SrpMath.FromBytes(Mac("verifier", poolId, username)));

    /// <summary>A stable UUID-shaped username, for pools whose stored usernames are the users' sub.</summary>
    public string UserIdForSrp(string poolId, string username)
    {
        var bytes = Mac("user-id", poolId, username)[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }

    private byte[] Mac(string label, string poolId, string username) =>
        HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes($"{label}\n{poolId}\n{username}"));
}
