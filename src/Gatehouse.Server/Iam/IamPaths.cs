namespace Gatehouse.Server.Iam;

/// <summary>
/// IAM paths (reference_identifiers.html "IAM friendly names and paths"): <c>/</c>, or <c>/…/</c> of printable
/// ASCII. The model's pattern for a role path, <c>^(\u002F)|(\u002F[\u0021-\u007E]+\u002F)$</c>, reads with
/// that precedence as "starts with / or ends with /x/", so the whole-value rule IAM applies is checked here.
/// </summary>
internal static class IamPaths
{
    public static bool IsRolePath(string path) =>
        path == "/"
        || (path.Length >= 3 && path[0] == '/' && path[^1] == '/' && path.All(c => c is >= '\u0021' and <= '\u007E'));
}
