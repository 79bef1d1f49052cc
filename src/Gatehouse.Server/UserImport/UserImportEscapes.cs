namespace Gatehouse.Server.UserImport;

/// <summary>
/// Cognito's CSV format writes a comma inside a value as <c>\,</c> ("Importing users from a CSV file": values are not
/// quoted, and a comma in a value has a backslash before it). Sep splits on every comma, so a field that ends with a
/// backslash is joined with the next one, the backslash giving way to the comma it escaped. A value that really ends
/// with a backslash can be written as <c>\\</c>, which stays one backslash. RFC 4180 quotes still work as well.
/// </summary>
internal static class UserImportEscapes
{
    public static string[] JoinEscapedCommas(string[] fields)
    {
        if (!Array.Exists(fields, f => f.EndsWith('\\') || f.Contains("\\\\", StringComparison.Ordinal)))
        {
            return fields;
        }

        var joined = new List<string>(fields.Length);
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            var escapesComma = i < fields.Length - 1 && EndsWithOddBackslashes(field);
            current.Append(escapesComma ? field.AsSpan(0, field.Length - 1) : field.AsSpan());
            if (escapesComma)
            {
                current.Append(',');
                continue;
            }

            joined.Add(current.ToString().Replace("\\\\", "\\", StringComparison.Ordinal));
            current.Clear();
        }

        return [.. joined];
    }

    private static bool EndsWithOddBackslashes(string field)
    {
        var count = 0;
        for (var i = field.Length - 1; i >= 0 && field[i] == '\\'; i--)
        {
            count++;
        }

        return count % 2 == 1;
    }
}
