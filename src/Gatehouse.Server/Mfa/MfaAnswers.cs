using Gatehouse.Server.Auth;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Mfa;

/// <summary>
/// RespondToAuthChallenge (admin or not) for SMS_MFA, EMAIL_OTP, SOFTWARE_TOKEN_MFA, SELECT_MFA_TYPE and
/// MFA_SETUP. Order: the Session (ours, this pool, client and challenge, unexpired, unused, its user there), the
/// answer's USERNAME naming that user, the user enabled, the factor still allowed by the pool; for a code, the
/// lockout (one attempt reserved before the comparison, shared with passwords: security-suite rows 5, 75-78),
/// the code (or a recovery code), then the Session is used up and the sign-in finishes. After the fifth failure
/// in a row the Session is used up too, so it cannot be used to keep guessing once the lockout began.
/// </summary>
internal sealed class MfaAnswers(
    AppDb db,
    MfaSessions sessions,
    MfaChallenge challenge,
    MfaCodeCheck check,
    RecoveryCodes recovery,
    SignInLockout lockout,
    AuthSessionLedger ledger,
    SignInCompletion completion,
    ILogger<MfaAnswers> logger)
{
    public const string RecoveryCodeParameter = "RECOVERY_CODE";

    /// <summary>The ChallengeResponses member that carries each factor's code.</summary>
    public static string CodeParameter(string factor) => factor switch
    {
        MfaFactors.Sms => "SMS_MFA_CODE",
        ChallengeNames.SmsOtp => "SMS_OTP_CODE",
        MfaFactors.Email => "EMAIL_OTP_CODE",
        _ => "SOFTWARE_TOKEN_MFA_CODE",
    };

    public async Task<AuthOutcome> RespondAsync(AuthAttempt attempt, CancellationToken ct)
    {
        var (session, user, error) =
            await sessions.OpenAsync(attempt.Session, attempt.Pool.Pool.Id, attempt.ClientId, attempt.Name, ct);
        if (error is not null)
        {
            return error;
        }

        // OpenAsync returns a session and its user whenever it returns no error.
        if (!await sessions.NamesUserAsync(attempt, user!, ct))
        {
            return AwsError.NotAuthorized(AuthMessages.InvalidSession);
        }

        if (!user!.Enabled)
        {
            return AwsError.NotAuthorized(AuthMessages.UserDisabled);
        }

        var outcome = attempt.Name switch
        {
            ChallengeNames.SelectMfaType => await SelectAsync(attempt, session!, user, ct),
            ChallengeNames.MfaSetup => await SetupDoneAsync(attempt, session!, user, ct),
            _ => await CodeAsync(attempt, session!, user, ct),
        };
        if (outcome.Error is { } refused)
        {
            Log.AnswerRefused(logger, attempt.Name, attempt.Pool.Pool.Id, user.Sub, refused.Type);
        }

        return outcome;
    }

    private async Task<AuthOutcome> CodeAsync(AuthAttempt attempt, MfaSession session, User user, CancellationToken ct)
    {
        // A USER_AUTH first factor (EMAIL_OTP, SMS_OTP) answers to the pool's sign-in policy, and never takes a
        // recovery code: that stands in for a second factor, not for the first.
        var firstFactor = string.Equals(session.Stage, MfaSession.StageFirstFactor, StringComparison.Ordinal);
        var factor = MfaChallenge.FactorOf(attempt.Name);
        if (firstFactor
                ? !(attempt.Pool.Type.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? []).Contains(attempt.Name,
                    StringComparer.Ordinal)
                : !MfaPoolFactors.Read(attempt.Pool.Pool).Allows(factor))
        {
            return AwsError.InvalidParameter(MfaMessages.FactorNotEnabledForPool(attempt.Name));
        }

        if (firstFactor && attempt.Parameter(RecoveryCodeParameter) is not null)
        {
            return AwsError.InvalidParameter(MfaMessages.RecoveryCodeNotFirstFactor);
        }

        if (await lockout.ReserveAttemptAsync(user.Id, ct) is { } locked)
        {
            return locked;
        }

        // RequireChallengeResponses has run: the code or a recovery code is present.
        var failure = attempt.Parameter(RecoveryCodeParameter) is { } recoveryCode
            ? await RecoveryCodeAsync(attempt, user, recoveryCode, ct)
            : factor == MfaFactors.Totp
                ? await check.TotpAsync(user, attempt.Parameter(CodeParameter(factor))!, ct)
                : await check.SentCodeAsync(session, user, attempt.Parameter(CodeParameter(attempt.Name))!, ct);
        if (failure is not null)
        {
            await BurnSessionAfterLockoutAsync(session, user, ct);
            return failure;
        }

        await lockout.ResetAsync(user.Id, ct);
        if (!await ledger.TryConsumeAsync(session.Id, session.ExpiresAt, ct))
        {
            return AwsError.NotAuthorized(AuthMessages.InvalidSession);
        }

        return await completion.FinishAsync(attempt, user, ct);
    }

    private async Task<AwsError?> RecoveryCodeAsync(AuthAttempt attempt, User user, string code, CancellationToken ct)
    {
        if (!await recovery.TryUseAsync(user.Id, code, ct))
        {
            return AwsError.CodeMismatch(MfaMessages.CodeMismatch);
        }

        Log.RecoveryCodeUsed(logger, attempt.Pool.Pool.Id, user.Sub);
        return null;
    }

    private async Task BurnSessionAfterLockoutAsync(MfaSession session, User user, CancellationToken ct)
    {
        var failures = await db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.FailedSignIns)
            .FirstOrDefaultAsync(ct);
        if (failures >= SignInLockout.FreeAttempts)
        {
            await ledger.TryConsumeAsync(session.Id, session.ExpiresAt, ct);
        }
    }

    /// <summary>SELECT_MFA_TYPE: ANSWER must be one of the factors offered; its challenge follows.</summary>
    private async Task<AuthOutcome> SelectAsync(AuthAttempt attempt, MfaSession session, User user, CancellationToken ct)
    {
        var answer = attempt.Parameter("ANSWER")!;
        if (!(session.Factors ?? []).Contains(answer, StringComparer.Ordinal)
            || !MfaPoolFactors.Read(attempt.Pool.Pool).Allows(answer))
        {
            return AwsError.InvalidParameter(MfaMessages.InvalidAnswer(answer));
        }

        if (!await ledger.TryConsumeAsync(session.Id, session.ExpiresAt, ct))
        {
            return AwsError.NotAuthorized(AuthMessages.InvalidSession);
        }

        return await challenge.IssueAsync(attempt, user, answer, ct);
    }

    /// <summary>MFA_SETUP: answered with the Session VerifySoftwareToken returned; then the sign-in finishes.</summary>
    private async Task<AuthOutcome> SetupDoneAsync(AuthAttempt attempt, MfaSession session, User user, CancellationToken ct)
    {
        if (!string.Equals(session.Stage, MfaSession.StageVerified, StringComparison.Ordinal))
        {
            return AwsError.InvalidParameter(MfaMessages.SetupNotComplete);
        }

        if (!await ledger.TryConsumeAsync(session.Id, session.ExpiresAt, ct))
        {
            return AwsError.NotAuthorized(AuthMessages.InvalidSession);
        }

        return await completion.FinishAsync(attempt, user, ct);
    }
}
