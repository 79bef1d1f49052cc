using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.UserImport;

/// <summary>
/// What one row becomes: a user ready to insert (with its sign-in aliases, and whether it turns on SMS MFA), or the
/// reason it fails. <see cref="Username"/> is the row's cognito:username, for the report.
/// </summary>
internal sealed record UserImportCandidate(
    UserImportRow Row, string? Username, User? User, AliasKeys? Aliases, bool MfaEnabled, string? Failure)
{
    public static UserImportCandidate Fail(UserImportRow row, string? username, string failure) =>
        new(row, username, null, null, false, failure);
}
