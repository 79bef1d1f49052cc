using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;

namespace Gatehouse.Server.Users;

/// <summary>
/// ForgotPassword: a 1-hour password-reset code to the user's verified email or phone, chosen by the pool's
/// <c>AccountRecoverySetting</c>. The user's status does not change (only AdminResetUserPassword sets
/// RESET_REQUIRED). Users in FORCE_CHANGE_PASSWORD cannot reset (AWS knowledge center, "cognito-forgot-password").
/// </summary>
internal sealed class ForgotPassword(
    AppDb db, SecretProtector protector, VerificationCodes codes, CodeSender sender, ILogger<ForgotPassword> logger)
    : IAwsHandler<ForgotPasswordRequest>
{
    public async Task<AwsResult> HandleAsync(ForgotPasswordRequest request, CancellationToken ct)
    {
        if (await SelfServiceClient.LoadAsync(db, request.ClientId, ct) is not { } client)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.ClientNotFound(request.ClientId));
        }

        if (client.CheckSecretHash(protector, request.Username, request.SecretHash) is { } secretError)
        {
            return secretError;
        }

        var settings = client.Pool;
        if (await UserLookup.FindAsync(db, settings, request.Username, ct) is not { } user)
        {
            // User existence: ENABLED answers as if a code had been sent to a simulated destination.
            return client.HidesUserExistence
                ? Simulated(settings, request.Username)
                : AwsError.UserNotFound(UserMessages.UserDoesNotExist);
        }

        if (!user.Enabled)
        {
            // User existence: a disabled account is not revealed to ENABLED clients either.
            return client.HidesUserExistence
                ? Simulated(settings, request.Username)
                : AwsError.NotAuthorized(SelfServiceMessages.UserDisabled);
        }

        if (string.Equals(user.Status, UserStatuses.ForceChangePassword, StringComparison.Ordinal))
        {
            return AwsError.NotAuthorized(UserMessages.CannotResetInState);
        }

        if (CodeDestinations.ForRecovery(settings, UserRecordWriter.ReadAttributes(user)) is not { } destination)
        {
            // User existence: under ENABLED an account without a verified contact answers like an unknown one,
            // else the difference between the two answers would tell which usernames exist.
            return client.HidesUserExistence
                ? Simulated(settings, request.Username)
                : AwsError.InvalidParameter(UserMessages.NoVerifiedContactForReset);
        }

        var code = await codes.IssueAsync(user, CodePurposes.ForgotPassword, destination.AttributeName,
            VerificationCodes.ResetLifetime, ct);
        var delivery = await sender.SendAsync(settings, destination, code, ct);
        Log.ResetCodeIssued(logger, settings.Pool.Id, user.Sub);
        return AwsResult.Ok(new ForgotPasswordResponse { CodeDeliveryDetails = delivery });
    }

    private static AwsResult Simulated(PoolSettings settings, string username) =>
        AwsResult.Ok(new ForgotPasswordResponse
        {
            CodeDeliveryDetails = CodeDestinations.Simulated(settings, username, recovery: true).Details(),
        });
}
