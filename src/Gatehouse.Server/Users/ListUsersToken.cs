using System.Globalization;
using System.Text;

namespace Gatehouse.Server.Users;

/// <summary>
/// The ListUsers pagination token: where the previous page ended, in the order of the page (keyset pagination,
/// stable under inserts). Format v1 (no filter, users in id order): <c>v1.</c> + base64url(ASCII decimal of the
/// last <c>User.Id</c>). Format v2 (a filter on a column, users in (column, id) order): <c>v2.</c> +
/// base64url(ASCII decimal of the last id ‖ LF ‖ UTF-8 of its column value).
/// </summary>
internal static class ListUsersToken
{
    private const string V1 = "v1.";
    private const string V2 = "v2.";

    public static string Create(long lastId) => V1 + Encode(lastId.ToString(CultureInfo.InvariantCulture));

    public static string Create(long lastId, string lastValue) =>
        V2 + Encode(lastId.ToString(CultureInfo.InvariantCulture) + "\n" + lastValue);

    /// <summary>The last id of an unfiltered page, or null when the token is not a v1 token of ours.</summary>
    public static long? Read(string token) =>
        token.StartsWith(V1, StringComparison.Ordinal) && Decode(token[V1.Length..]) is { } text
            && ParseId(text) is { } id
                ? id
                : null;

    /// <summary>The last (id, value) of a filtered page, or null when the token is not a v2 token of ours.</summary>
    public static (long Id, string Value)? ReadKeyed(string token)
    {
        if (!token.StartsWith(V2, StringComparison.Ordinal) || Decode(token[V2.Length..]) is not { } text)
        {
            return null;
        }

        var separator = text.IndexOf('\n', StringComparison.Ordinal);
        return separator > 0 && ParseId(text[..separator]) is { } id ? (id, text[(separator + 1)..]) : null;
    }

    private static long? ParseId(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    private static string Encode(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Decode(string body)
    {
        if (body.Length is 0 or > 4096)
        {
            return null;
        }

        var padded = body.Replace('-', '+').Replace('_', '/');
        padded = padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=');
        var bytes = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, bytes, out var written))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
