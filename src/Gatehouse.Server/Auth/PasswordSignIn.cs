using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.PoolTransfer;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Triggers;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.Auth;

/// <summary>
/// USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH and ADMIN_NO_SRP_AUTH: the password is sent in clear and checked by
/// recomputing the verifier. Order: unknown user (hidden or UserNotFoundException, per the client's
/// PreventUserExistenceErrors), the pre authentication trigger, reset required, lockout, password, then
/// <see cref="SignInCompletion"/>. The trigger runs before the lockout counts an attempt, so its refusal is no failed
/// password; with the client hiding user existence it also runs for an unknown user (<c>userNotFound: true</c>).
/// </summary>
internal sealed class PasswordSignIn(
    AppDb db,
    PasswordCheck passwords,
    SignInLockout lockout,
    SignInCompletion completion,
    ImportedPasswordUpgrade upgrade,
    SignInTriggers triggers)
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
            if (attempt.HidesUserExistence && await PreAuthenticationAsync(attempt, username, null, ct) is { } refused)
            {
                return refused;
            }

            return attempt.HidesUserExistence
                ? AwsError.NotAuthorized(AuthMessages.IncorrectCredentials)
                : AwsError.UserNotFound(AuthMessages.UserDoesNotExist);
        }

        if (await PreAuthenticationAsync(attempt, username, user, ct) is { } preAuthError)
        {
            return preAuthError;
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

    /// <summary>PreAuthentication_Authentication; validationData is the request's ClientMetadata.</summary>
    public Task<AwsError?> PreAuthenticationAsync(AuthAttempt attempt, string username, User? user, CancellationToken ct) =>
        triggers.PreAuthenticationAsync(attempt.Pool.Pool, attempt.ClientId, username, user, attempt.HidesUserExistence,
            attempt.ClientMetadata, ct);
}
