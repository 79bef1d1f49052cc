using System.Buffers.Text;
using System.Text;

namespace Gatehouse.Server.Groups;

/// <summary>
/// Page sizes and keyset pagination tokens of the group list operations.
/// <para>
/// Token layout, version 1: base64url (no padding) of the UTF-8 text
/// <c>"1" LF kind LF poolId LF scope LF key</c>, where <c>kind</c> names the operation (<c>groups</c>,
/// <c>user-groups</c>, <c>group-users</c>), <c>scope</c> is what the list is of (empty, the user's <c>sub</c>,
/// the group name) and <c>key</c> is the last item returned (a group name, or a user's row id in decimal).
/// None of the parts can contain LF: pool ids, group names and subs match patterns without whitespace.
/// A token only continues the list it came from; anything else is an <c>InvalidParameterException</c>.
/// The token is not secret: it carries nothing the caller could not list.
/// </para>
/// </summary>
internal static class GroupPaging
{
    public const string GroupsKind = "groups";
    public const string UserGroupsKind = "user-groups";
    public const string GroupUsersKind = "group-users";

    /// <summary>The model's <c>QueryLimitType</c> maximum; also the size when Limit is omitted or 0.</summary>
    public const int MaxLimit = 60;

    private const string Version = "1";
    private const char Separator = '\n';

    /// <summary>
    /// The page size for a request's <c>Limit</c> (already validated to 0..60 by the model). Cognito's model
    /// allows 0; a page of nothing could never advance, so 0 means the default, as an omitted Limit.
    /// </summary>
    public static int PageSize(int? limit) => limit is > 0 and <= MaxLimit ? limit.Value : MaxLimit;

    public static string Encode(string kind, string poolId, string scope, string key)
    {
        var text = string.Join(Separator, Version, kind, poolId, scope, key);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The key a token continues after, or null when it is not a token of this very list.</summary>
    public static string? Decode(string token, string kind, string poolId, string scope)
    {
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var parts = text.Split(Separator);
        return parts.Length == 5
            && parts[0] == Version
            && string.Equals(parts[1], kind, StringComparison.Ordinal)
            && string.Equals(parts[2], poolId, StringComparison.Ordinal)
            && string.Equals(parts[3], scope, StringComparison.Ordinal)
            && parts[4].Length > 0
                ? parts[4]
                : null;
    }
}
