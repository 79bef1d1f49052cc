using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Iam;

/// <summary>
/// Page sizes and the <c>Marker</c> of the IAM list operations (keyset pagination).
/// <para>
/// Marker layout, version 1: <c>"1." base64url(key) "." base64url(mac)</c>, where <c>key</c> is the UTF-8 sort key
/// of the last item returned (a lower-cased role or policy name, an inline policy name) and <c>mac</c> the first 16
/// bytes of HMAC-SHA256(k, <c>"1" LF list LF scope LF key</c>), k = HKDF-SHA256(master key, info
/// <c>gatehouse/iam-marker/v1</c>). <c>list</c> names the operation and <c>scope</c> its filters (path prefix,
/// role id, scope flags), so a marker continues only the very listing it came from, and cannot be forged or edited
/// to start elsewhere. It is opaque to clients but not secret: it carries nothing they could not list. At most
/// 196 characters (keys are at most 128), within the model's 320.
/// </para>
/// </summary>
internal sealed class IamMarkers(MasterKey masterKey)
{
    public const int DefaultMaxItems = 100;

    private const string Version = "1";
    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey.Bytes, 32, salt: [],
        info: Encoding.UTF8.GetBytes("gatehouse/iam-marker/v1"));

    /// <summary>MaxItems, already validated to 1..1000 by the model; 100 when omitted, as IAM documents.</summary>
    public static int PageSize(int? maxItems) => maxItems ?? DefaultMaxItems;

    public string Encode(string list, string scope, string key)
    {
        var keyText = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));
        return $"{Version}.{keyText}.{Base64Url.EncodeToString(Mac(list, scope, key))}";
    }

    /// <summary>The key a marker continues after, or null when it is not a marker of this very listing.</summary>
    public string? Decode(string marker, string list, string scope)
    {
        var parts = marker.Split('.');
        if (parts.Length != 3 || parts[0] != Version
            || !TryDecode(parts[1], out var keyBytes) || !TryDecode(parts[2], out var mac))
        {
            return null;
        }

        string key;
        try
        {
            key = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(keyBytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        return key.Length > 0 && CryptographicOperations.FixedTimeEquals(mac, Mac(list, scope, key)) ? key : null;
    }

    private byte[] Mac(string list, string scope, string key) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{Version}\n{list}\n{scope}\n{key}"))[..16];

    private static bool TryDecode(string text, out byte[] bytes)
    {
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
