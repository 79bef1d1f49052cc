using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Users;

/// <summary>
/// AdminResetUserPassword: the user must reset the password before signing in again (RESET_REQUIRED), and gets
/// a 6-digit password-reset code (stored with purpose FORGOT_PASSWORD, so ConfirmForgotPassword accepts it) at
/// the verified contact the pool's AccountRecoverySetting chooses, as ForgotPassword does. A user with no
/// verified contact is refused with Cognito's observed answer (InvalidParameterException, "Cannot reset password
/// for the user as there is no registered/verified email or phone_number") and left unchanged. Users in
/// FORCE_CHANGE_PASSWORD cannot be reset (Cognito: "User password cannot be reset in the current state.").
/// </summary>
internal sealed class AdminResetUserPassword(AppDb db, TimeProvider clock, VerificationCodes codes, CodeSender sender)
    : IAwsHandler<AdminResetUserPasswordRequest>
{
    public async Task<AwsResult> HandleAsync(AdminResetUserPasswordRequest request, CancellationToken ct)
    {
        if (await PoolSettings.LoadAsync(db, request.UserPoolId, ct) is not { } settings)
        {
            return AwsError.ResourceNotFound(UserMessages.PoolNotFound(request.UserPoolId));
        }

        if (await UserLookup.FindAsync(db, settings, request.Username, ct) is not { } user)
        {
            return AwsError.UserNotFound(UserMessages.UserDoesNotExist);
        }

        if (string.Equals(user.Status, UserStatuses.ForceChangePassword, StringComparison.Ordinal))
        {
            return AwsError.NotAuthorized(UserMessages.CannotResetInState);
        }

        if (CodeDestinations.ForRecovery(settings, UserRecordWriter.ReadAttributes(user)) is not { } destination)
        {
            return AwsError.InvalidParameter(UserMessages.NoVerifiedContactForReset);
        }

        user.Status = UserStatuses.ResetRequired;
        user.LastModifiedAt = clock.GetUtcNow();
        // The status change is saved in the same transaction as the new code.
        var code = await codes.IssueAsync(user, CodePurposes.ForgotPassword, destination.AttributeName,
            VerificationCodes.ResetLifetime, ct);
        await sender.SendAsync(settings, destination, code, ct);
        return AwsResult.Empty;
    }
}
