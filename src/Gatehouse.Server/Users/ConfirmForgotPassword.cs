using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Triggers;
using Gatehouse.Server.UserPools;

namespace Gatehouse.Server.Users;

/// <summary>
/// ConfirmForgotPassword: a password-reset code (from ForgotPassword or AdminResetUserPassword) and a new password
/// that satisfies the pool's policy. The user becomes CONFIRMED with the new SRP verifier and the sign-in lockout
/// counters cleared; the code is consumed in the same transaction, so it resets the password exactly once. Then the
/// post confirmation trigger (PostConfirmation_ConfirmForgotPassword): its error is the answer, the new password stays.
/// </summary>
internal sealed class ConfirmForgotPassword(
    AppDb db,
    TimeProvider clock,
    SecretProtector protector,
    UserPasswords passwords,
    VerificationCodes codes,
    PostConfirmationTrigger postConfirmation,
    ILogger<ConfirmForgotPassword> logger) : IAwsHandler<ConfirmForgotPasswordRequest>
{
    public async Task<AwsResult> HandleAsync(ConfirmForgotPasswordRequest request, CancellationToken ct)
    {
        if (await SelfServiceClient.LoadAsync(db, request.ClientId, ct) is not { } client)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.ClientNotFound(request.ClientId));
        }

        if (client.CheckSecretHash(protector, request.Username, request.SecretHash) is { } secretError)
        {
            return secretError;
        }

        // User existence: the policy is the pool's, checked before the lookup, so a weak password gets the same
        // answer whether or not the user exists.
        var settings = client.Pool;
        if (PasswordRules.Violation(settings.PasswordPolicy, request.Password) is { } violation)
        {
            return AwsError.InvalidPassword(violation);
        }

        if (await UserLookup.FindAsync(db, settings, request.Username, ct) is not { } user)
        {
            // User existence: with PreventUserExistenceErrors ENABLED an unknown user looks like a wrong code.
            return client.HidesUserExistence
                ? AwsError.CodeMismatch(SelfServiceMessages.CodeMismatch)
                : AwsError.UserNotFound(UserMessages.UserDoesNotExist);
        }

        var check = await codes.CheckAsync(user, CodePurposes.ForgotPassword, request.ConfirmationCode, ct);
        if (check.Code is not { } code)
        {
            return check.Error ?? AwsError.CodeMismatch(SelfServiceMessages.CodeMismatch);
        }

        var now = clock.GetUtcNow();
        passwords.Set(user, request.Password, now);
        user.Status = UserStatuses.Confirmed;
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        user.LastModifiedAt = now;
        if (!await codes.ConsumeAndSaveAsync(code, ct))
        {
            // A parallel request with the same code reset the password first.
            return AwsError.ExpiredCode(SelfServiceMessages.ExpiredCode);
        }

        Log.PasswordResetWithCode(logger, settings.Pool.Id, user.Sub);
        return await postConfirmation.RunAsync(settings.Pool, PostConfirmationTrigger.ConfirmForgotPasswordSource,
            client.Client.ClientId, user, request.ClientMetadata, ct) ?? AwsResult.Empty;
    }
}
