using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Server.Triggers;

/// <summary>
/// The signature on a call to an HTTP function, so the function can tell Gatehouse's calls from anyone's. Format v1
/// (the shape of Stripe's and Slack's webhook signatures):
/// <code>
/// X-Gatehouse-Timestamp: {unix seconds}
/// X-Gatehouse-Signature: v1={lowercase hex of HMAC-SHA256(SigningKey as UTF-8, "{timestamp}." + body bytes)}
/// </code>
/// A receiver recomputes the MAC over the exact body bytes, compares in constant time, and refuses timestamps more
/// than a few minutes old (replay). A later format adds a <c>v2=</c> element beside <c>v1=</c>.
/// </summary>
internal static class TriggerSignature
{
    public const string TimestampHeader = "X-Gatehouse-Timestamp";
    public const string SignatureHeader = "X-Gatehouse-Signature";
    public const int MinKeyLength = 32;

    public static string Sign(string key, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), signed);
        return "v1=" + Convert.ToHexStringLower(mac);
    }
}
