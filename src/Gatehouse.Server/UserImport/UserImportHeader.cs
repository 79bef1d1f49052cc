using Gatehouse.Server.Users;

namespace Gatehouse.Server.UserImport;

/// <summary>
/// The CSV header of a pool and the check of a file's header against it. "Creating the user import CSV file":
/// GetCSVHeader lists the pool's schema attributes in schema order (custom ones included; not <c>sub</c> or
/// <c>identities</c>, which Cognito sets itself), then <c>cognito:mfa_enabled</c> and <c>cognito:username</c>;
/// "the order of columns in the CSV file doesn't matter" and "all columns in the header must be present".
/// </summary>
internal sealed class UserImportHeader
{
    public const string Username = "cognito:username";
    public const string MfaEnabled = "cognito:mfa_enabled";

    private UserImportHeader(IReadOnlyList<string> columns, int usernameIndex, int mfaIndex)
    {
        Columns = columns;
        UsernameIndex = usernameIndex;
        MfaIndex = mfaIndex;
    }

    /// <summary>The file's column names, in the file's order.</summary>
    public IReadOnlyList<string> Columns { get; }

    public int UsernameIndex { get; }

    public int MfaIndex { get; }

    public static List<string> Expected(PoolSettings settings)
    {
        var columns = (settings.Type.SchemaAttributes ?? [])
            .Select(a => a.Name)
            .OfType<string>()
            .Where(n => n is not (UserAttributeNames.Sub or "identities"))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        columns.Add(MfaEnabled);
        columns.Add(Username);
        return columns;
    }

    /// <summary>The file's header when it has exactly the pool's columns (in any order); otherwise what is wrong.</summary>
    public static (UserImportHeader? Header, string? Problem) Check(PoolSettings settings, IReadOnlyList<string> fileColumns)
    {
        var expected = Expected(settings);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in fileColumns)
        {
            if (!seen.Add(column))
            {
                return (null, $"column {column} appears twice");
            }
        }

        if (expected.FirstOrDefault(c => !seen.Contains(c)) is { } missing)
        {
            return (null, $"column {missing} is missing");
        }

        if (fileColumns.FirstOrDefault(c => !expected.Contains(c, StringComparer.Ordinal)) is { } extra)
        {
            return (null, $"column {Shorten(extra)} is not an attribute of the user pool");
        }

        var list = fileColumns.ToList();
        return (new UserImportHeader(list, list.IndexOf(Username), list.IndexOf(MfaEnabled)), null);
    }

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "...";
}
