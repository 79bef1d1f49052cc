using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.PoolTransfer;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.Auth;

/// <summary>
/// USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH and ADMIN_NO_SRP_AUTH: the password is sent in clear and checked by
/// recomputing the verifier. Order: unknown user (hidden or UserNotFoundException, per the client's
/// PreventUserExistenceErrors), reset required, lockout, password, then <see cref="SignInCompletion"/>.
/// </summary>
internal sealed class PasswordSignIn(
    AppDb db, PasswordCheck passwords, SignInLockout lockout, SignInCompletion completion, ImportedPasswordUpgrade upgrade)
{
    public async Task<AuthOutcome> SignInAsync(AuthAttempt attempt, CancellationToken ct)
    {
        // RequireFlowParameters has run, so USERNAME and PASSWORD are present.
        var username = attempt.Parameter("USERNAME")!;
        var password = attempt.Parameter("PASSWORD")!;
        if (await UserLookup.FindAsync(db, attempt.Pool, username, ct) is not { } user)
        {
            // Do not reveal who exists when the client asks so (PreventUserExistenceErrors ENABLED): same work,
            // same error as a wrong password.
            passwords.Decoy(attempt.Pool.Pool.Id, username, password);
            return attempt.HidesUserExistence
                ? AwsError.NotAuthorized(AuthMessages.IncorrectCredentials)
                : AwsError.UserNotFound(AuthMessages.UserDoesNotExist);
        }

        if (string.Equals(user.Status, UserStatuses.ResetRequired, StringComparison.Ordinal))
        {
            return AwsError.PasswordResetRequired(AuthMessages.PasswordResetRequired);
        }

        if (await lockout.ReserveAttemptAsync(user.Id, ct) is { } locked)
        {
            return locked;
        }

        if (!passwords.Matches(user, password))
        {
            return AwsError.NotAuthorized(AuthMessages.IncorrectCredentials);
        }

        await lockout.ResetAsync(user.Id, ct);
        await upgrade.ApplyAsync(user, password, ct);
        return await completion.CompleteAsync(attempt, user, ct);
    }
}
