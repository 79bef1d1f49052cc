using Gatehouse.Server.Auth;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;

namespace Gatehouse.Server.Users;

/// <summary>
/// ChangePassword: the caller (by access token) replaces its password. The new password must satisfy the pool's
/// policy (InvalidPasswordException); the previous one is checked by recomputing the SRP verifier in constant
/// time (<see cref="PasswordCheck"/>) and counts toward the same lockout as sign-in (<see cref="SignInLockout"/>):
/// a wrong one answers NotAuthorizedException "Incorrect username or password.", a locked user
/// LimitExceededException "Attempt limit exceeded, please try after some time." (the API reference lists
/// LimitExceededException for this case). PreviousPassword may be omitted only by a user without a password.
/// Sessions stay valid, as in Cognito.
/// </summary>
internal sealed class ChangePassword(
    AppDb db,
    AccessTokenAuthenticator authenticator,
    PasswordCheck check,
    SignInLockout lockout,
    UserPasswords passwords,
    TimeProvider clock,
    ILogger<ChangePassword> logger) : IAwsHandler<ChangePasswordRequest>
{
    public async Task<AwsResult> HandleAsync(ChangePasswordRequest request, CancellationToken ct)
    {
        var (caller, error) = await authenticator.AuthenticateAsync(request.AccessToken, ct);
        if (caller is null)
        {
            // AuthenticateAsync returns an error whenever it returns no caller.
            return error!;
        }

        var user = caller.User;
        var settings = PoolSettings.Read(caller.Pool);
        if (PasswordRules.Violation(settings.PasswordPolicy, request.ProposedPassword) is { } violation)
        {
            return AwsError.InvalidPassword(violation);
        }

        var hasPassword = user.PasswordVerifierProtected is not null || user.ImportedPasswordHashProtected is not null;
        if (hasPassword && string.IsNullOrEmpty(request.PreviousPassword))
        {
            return AwsError.InvalidParameter(SelfServiceMessages.PreviousPasswordRequired);
        }

        if (hasPassword)
        {
            if (await lockout.ReserveAttemptAsync(user.Id, ct) is { } locked)
            {
                return string.Equals(locked.Message, AuthMessages.PasswordAttemptsExceeded, StringComparison.Ordinal)
                    ? AwsError.LimitExceeded(SelfServiceMessages.AttemptLimitExceeded)
                    : locked;
            }

            // Checked non-empty above.
            if (!check.Matches(user, request.PreviousPassword!))
            {
                return AwsError.NotAuthorized(SelfServiceMessages.IncorrectPreviousPassword);
            }

            await lockout.ResetAsync(user.Id, ct);
        }

        var now = clock.GetUtcNow();
        passwords.Set(user, request.ProposedPassword, now);
        user.LastModifiedAt = now;
        await db.SaveChangesAsync(ct);
        Log.PasswordChanged(logger, caller.Pool.Id, user.Sub);
        return AwsResult.Empty;
    }
}
