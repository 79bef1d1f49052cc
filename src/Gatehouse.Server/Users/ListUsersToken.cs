using System.Globalization;
using System.Text;

namespace Gatehouse.Server.Users;

/// <summary>
/// The ListUsers pagination token. Format v1: <c>v1.</c> + base64url(ASCII decimal of the last returned
/// <c>User.Id</c>); the next page is the users with a larger id (keyset pagination, stable under inserts).
/// </summary>
internal static class ListUsersToken
{
    private const string V1 = "v1.";

    public static string Create(long lastId) =>
        V1 + Convert.ToBase64String(Encoding.ASCII.GetBytes(lastId.ToString(CultureInfo.InvariantCulture)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The last id of the previous page, or null when the token is not one of ours.</summary>
    public static long? Read(string token)
    {
        if (!token.StartsWith(V1, StringComparison.Ordinal))
        {
            return null;
        }

        var body = token[V1.Length..].Replace('-', '+').Replace('_', '/');
        body = body.PadRight(body.Length + ((4 - (body.Length % 4)) % 4), '=');
        Span<byte> bytes = stackalloc byte[32];
        return Convert.TryFromBase64String(body, bytes, out var written)
            && long.TryParse(Encoding.ASCII.GetString(bytes[..written]), NumberStyles.None,
                CultureInfo.InvariantCulture, out var id)
            && id > 0
                ? id
                : null;
    }
}
