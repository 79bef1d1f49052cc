using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.Mfa;

/// <summary>
/// Checks one MFA code of a user, for RespondToAuthChallenge (<see cref="MfaAnswers"/>) and the hosted UI's MFA
/// pages alike: a TOTP code (its 30-second step used once per user, on any node) or an SMS/email code (bound to the
/// Session it was sent for, used once). Null when the code is right; otherwise Cognito's error.
/// </summary>
internal sealed class MfaCodeCheck(UserMfaStore store, VerificationCodes codes, TimeProvider clock)
{
    public async Task<AwsError?> TotpAsync(User user, string code, CancellationToken ct)
    {
        if (await store.FindAsync(user.Id, ct) is not { TotpSecretProtected: { } protectedSecret })
        {
            return AwsError.SoftwareTokenMfaNotFound(MfaMessages.TotpNotAssociated);
        }

        if (TotpCodes.MatchStep(store.Unprotect(protectedSecret), code, clock.GetUtcNow()) is not { } step)
        {
            return AwsError.CodeMismatch(MfaMessages.CodeMismatch);
        }

        return await store.TryUseStepAsync(user.Id, step, ct)
            ? null
            : AwsError.CodeMismatch(MfaMessages.TokenUsedOnce);
    }

    /// <summary>
    /// An SMS/email code: the user's live sign-in code (a newer sign-in replaced older ones) and the hash in this
    /// Session must both match, so a code works only with the Session it was sent for; then it is deleted.
    /// </summary>
    public async Task<AwsError?> SentCodeAsync(MfaSession session, User user, string code, CancellationToken ct)
    {
        var check = await codes.CheckAsync(user, MfaChallenge.CodePurpose, code, ct);
        if (check.Error is { } error)
        {
            return error.Type == "CodeMismatchException" ? AwsError.CodeMismatch(MfaMessages.SmsCodeMismatch) : error;
        }

        if (session.CodeHash is null || !VerificationCodeHash.Matches(session.CodeHash, code))
        {
            return AwsError.CodeMismatch(MfaMessages.SmsCodeMismatch);
        }

        // check.Code is set whenever check.Error is not.
        return await codes.ConsumeAndSaveAsync(check.Code!, ct)
            ? null
            : AwsError.ExpiredCode(SelfServiceMessages.ExpiredCode);
    }
}
