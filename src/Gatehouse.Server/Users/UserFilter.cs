using System.Text;

namespace Gatehouse.Server.Users;

/// <summary>
/// A parsed ListUsers <c>Filter</c>: <c>AttributeName Filter-Type "AttributeValue"</c>, where Filter-Type is
/// <c>=</c> (exact) or <c>^=</c> (starts with), and a backslash escapes a quotation mark or a backslash in the
/// value (ListUsersRequest.Filter documentation). Whitespace around the parts is optional.
/// </summary>
internal sealed record UserFilter(string Attribute, bool Prefix, string Value)
{
    /// <summary>The filter, or null when <paramref name="text"/> does not follow the grammar.</summary>
    public static UserFilter? Parse(string text)
    {
        var i = 0;
        SkipSpaces(text, ref i);
        var nameStart = i;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or ':'))
        {
            i++;
        }

        var name = text[nameStart..i];
        SkipSpaces(text, ref i);
        bool prefix;
        if (text.AsSpan(i).StartsWith("^=", StringComparison.Ordinal))
        {
            prefix = true;
            i += 2;
        }
        else if (i < text.Length && text[i] == '=')
        {
            prefix = false;
            i++;
        }
        else
        {
            return null;
        }

        SkipSpaces(text, ref i);
        if (name.Length == 0 || ReadQuoted(text, ref i) is not { } value)
        {
            return null;
        }

        SkipSpaces(text, ref i);
        return i == text.Length ? new UserFilter(name, prefix, value) : null;
    }

    private static string? ReadQuoted(string text, ref int i)
    {
        if (i >= text.Length || text[i] != '"')
        {
            return null;
        }

        var value = new StringBuilder();
        for (i++; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                i++;
                return value.ToString();
            }

            if (c == '\\')
            {
                if (++i >= text.Length)
                {
                    return null;
                }

                c = text[i];
            }

            value.Append(c);
        }

        return null;
    }

    private static void SkipSpaces(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
    }
}
