using Gatehouse.Server.Auth;
using Gatehouse.Server.PoolTransfer;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Triggers;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.HostedUi;

/// <summary>
/// The hosted UI's password sign-in, with the same rules and shared pieces as USER_PASSWORD_AUTH (<see cref="PasswordCheck"/>,
/// <see cref="SignInLockout"/>, <see cref="UserLookup"/>): an unknown user costs the same work and shows the same text
/// as a wrong password; the pre authentication trigger (its error text shown, no attempt counted), reset-required,
/// lockout, password, then disabled, unconfirmed and temporary-password states.
/// </summary>
internal sealed class HostedSignIn(
    AppDb db,
    PasswordCheck passwords,
    SignInLockout lockout,
    ImportedPasswordUpgrade upgrade,
    SignInTriggers triggers,
    TimeProvider clock)
{
    public async Task<HostedSignInResult> SignInAsync(
        string poolId, string clientId, string username, string password, CancellationToken ct)
    {
        if (await PoolSettings.LoadAsync(db, poolId, ct) is not { } pool)
        {
            return HostedSignInResult.Failed(HostedUiStrings.IncorrectCredentials);
        }

        if (await UserLookup.FindAsync(db, pool, username, ct) is not { } user)
        {
            // Do not reveal who exists: the same work and the same text as a wrong password.
            passwords.Decoy(poolId, username, password);
            return HostedSignInResult.Failed(HostedUiStrings.IncorrectCredentials);
        }

        if (await triggers.PreAuthenticationAsync(pool.Pool, clientId, username, user, hidesUserExistence: false,
                validationData: null, ct) is { } preAuthError)
        {
            return HostedSignInResult.Failed(preAuthError.Message);
        }

        if (string.Equals(user.Status, UserStatuses.ResetRequired, StringComparison.Ordinal))
        {
            return HostedSignInResult.Failed(HostedUiStrings.PasswordResetRequired);
        }

        if (await lockout.ReserveAttemptAsync(user.Id, ct) is not null)
        {
            return HostedSignInResult.Failed(HostedUiStrings.TooManyAttempts);
        }

        if (!passwords.Matches(user, password))
        {
            return HostedSignInResult.Failed(HostedUiStrings.IncorrectCredentials);
        }

        await lockout.ResetAsync(user.Id, ct);
        await upgrade.ApplyAsync(user, password, ct);
        if (!user.Enabled)
        {
            return HostedSignInResult.Failed(HostedUiStrings.UserDisabled);
        }

        if (string.Equals(user.Status, UserStatuses.Unconfirmed, StringComparison.Ordinal))
        {
            return new HostedSignInResult(user, null, HostedSignInState.NotConfirmed);
        }

        if (string.Equals(user.Status, UserStatuses.ForceChangePassword, StringComparison.Ordinal))
        {
            var validity = TimeSpan.FromDays(pool.PasswordPolicy.TemporaryPasswordValidityDays ?? 7);
            return user.PasswordSetAt is { } setAt && setAt + validity <= clock.GetUtcNow()
                ? HostedSignInResult.Failed(HostedUiStrings.TemporaryPasswordExpired)
                : new HostedSignInResult(user, null, HostedSignInState.NewPasswordRequired);
        }

        return new HostedSignInResult(user, null, HostedSignInState.SignedIn);
    }
}
