using System.Text;

namespace Gatehouse.Server.UserPools;

/// <summary>
/// The opaque NextToken of the user-pool listings: a keyset position, not an offset, so a page never repeats or
/// skips a row that existed before the listing started.
/// Format v1: base64url( UTF-8( "v1" \n scope \n key1 \n key2 ... ) ). The scope names the listing (for app
/// clients it includes the pool id), so a token from one listing is refused by another. Keys never contain a
/// line feed (pool ids, client ids and epoch milliseconds).
/// </summary>
internal static class UserPoolPageToken
{
    private const string V1 = "v1";

    public static string Encode(string scope, params string[] keys)
    {
        var text = string.Join('\n', [V1, scope, .. keys]);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The keys of a token of <paramref name="scope"/> with <paramref name="keyCount"/> keys; null if it is not one.</summary>
    public static IReadOnlyList<string>? Decode(string token, string scope, int keyCount)
    {
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var written))
        {
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var parts = text.Split('\n');
        if (parts.Length != keyCount + 2 || parts[0] != V1 || parts[1] != scope || parts.Skip(2).Any(p => p.Length == 0))
        {
            return null;
        }

        return parts[2..];
    }
}
