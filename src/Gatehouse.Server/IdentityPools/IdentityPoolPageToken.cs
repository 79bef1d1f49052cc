using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// The NextToken of the cognito-identity listings (ListIdentityPools, ListIdentities, LookupDeveloperIdentity): a
/// keyset position, so a page never repeats or skips a row that existed when the listing started, and
/// tamper-evident, so a client cannot edit a token into another position or carry it to another listing.
/// <para>
/// Format v1: <c>"v1" ("." base64url(key))* "." base64url(mac)</c>, base64url without padding, where the keys are the
/// UTF-8 bytes of the last row's sort keys (an id, epoch milliseconds, a developer user identifier: any text) and mac
/// is the first 16 bytes of HMAC-SHA256, under a key derived from the master key (HKDF-SHA256, info
/// <c>gatehouse/identity-pool-page-token/v1</c>), over <c>"v1"</c>, the scope and the keys, each preceded by its
/// length as a 4-byte big-endian integer. The scope names the listing and what it is of (operation, pool id, filters);
/// it is not in the token, so a token verifies only against the listing it came from. The token is not secret: it
/// carries nothing the caller could not list, and any node checks any token.
/// </para>
/// </summary>
internal sealed class IdentityPoolPageToken
{
    private const string Version = "v1";
    private const int MacLength = 16;
    private readonly byte[] _key;

    public IdentityPoolPageToken(MasterKey masterKey)
    {
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey.Bytes, 32, salt: [],
            info: Encoding.UTF8.GetBytes("gatehouse/identity-pool-page-token/v1"));
    }

    public string Encode(string scope, params string[] keys)
    {
        var parts = keys.Select(Encoding.UTF8.GetBytes).ToArray();
        var encoded = parts.Select(p => Base64Url.EncodeToString(p));
        return string.Join('.', [Version, .. encoded, Base64Url.EncodeToString(Mac(scope, parts))]);
    }

    /// <summary>The keys of a token of <paramref name="scope"/> with <paramref name="keyCount"/> keys; null if it is not one.</summary>
    public IReadOnlyList<string>? Decode(string token, string scope, int keyCount)
    {
        var fields = token.Split('.');
        if (fields.Length != keyCount + 2 || fields[0] != Version)
        {
            return null;
        }

        byte[][] parts;
        byte[] mac;
        try
        {
            parts = [.. fields[1..^1].Select(f => Base64Url.DecodeFromChars(f))];
            mac = Base64Url.DecodeFromChars(fields[^1]);
        }
        catch (FormatException)
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(mac, Mac(scope, parts)))
        {
            return null;
        }

        // The MAC held, so these are bytes this server encoded from strings.
        return [.. parts.Select(Encoding.UTF8.GetString)];
    }

    private byte[] Mac(string scope, byte[][] parts)
    {
        using var data = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        foreach (var part in (byte[][])[Encoding.UTF8.GetBytes(Version), Encoding.UTF8.GetBytes(scope), .. parts])
        {
            BinaryPrimitives.WriteInt32BigEndian(length, part.Length);
            data.Write(length);
            data.Write(part);
        }

        return HMACSHA256.HashData(_key, data.ToArray())[..MacLength];
    }
}
