using System.Security.Cryptography;
using Gatehouse.Server.Auth;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Mfa;

/// <summary>
/// VerifySoftwareToken: a code from the pending secret of AssociateSoftwareToken makes it the user's
/// authenticator (its step counts as used). By access token that registers it; SetUserMFAPreference turns it on.
/// During MFA_SETUP (Session of stage <c>associated</c>) it is also turned on, and preferred when nothing else
/// is, the attempt counts toward the sign-in lockout, and the answer's new Session (stage <c>verified</c>)
/// answers MFA_SETUP. A wrong code: EnableSoftwareTokenMFAException, nothing changed.
/// </summary>
internal sealed class VerifySoftwareToken(
    AppDb db,
    SoftwareTokenCaller callers,
    UserMfaStore store,
    MfaSessions sessions,
    AuthSessionLedger ledger,
    SignInLockout lockout,
    TimeProvider clock,
    ILogger<VerifySoftwareToken> logger) : IAwsHandler<VerifySoftwareTokenRequest>
{
    public async Task<AwsResult> HandleAsync(VerifySoftwareTokenRequest request, CancellationToken ct)
    {
        var (user, pool, session, error) = await callers.ResolveAsync(request.AccessToken, request.Session, ct);
        if (error is not null)
        {
            return error;
        }

        if (session is not null && !string.Equals(session.Stage, MfaSession.StageAssociated, StringComparison.Ordinal))
        {
            return AwsError.NotAuthorized(AuthMessages.InvalidSession);
        }

        // ResolveAsync returns a user and pool whenever it returns no error.
        if (await store.FindAsync(user!.Id, ct) is not { TotpPendingSecretProtected: { } pending } row)
        {
            return AwsError.SoftwareTokenMfaNotFound(MfaMessages.TotpNotAssociated);
        }

        if (session is not null && await lockout.ReserveAttemptAsync(user.Id, ct) is { } locked)
        {
            return locked;
        }

        if (TotpCodes.MatchStep(store.Unprotect(pending), request.UserCode, clock.GetUtcNow()) is not { } step)
        {
            return AwsError.EnableSoftwareTokenMfa(MfaMessages.VerifyMismatch);
        }

        if (!await store.TryUseStepAsync(user.Id, step, ct))
        {
            return AwsError.CodeMismatch(MfaMessages.TokenUsedOnce);
        }

        if (session is not null && !await ledger.TryConsumeAsync(session.Id, session.ExpiresAt, ct))
        {
            return AwsError.NotAuthorized(AuthMessages.InvalidSession);
        }

        row.TotpSecretProtected = pending;
        row.TotpPendingSecretProtected = null;
        row.TotpFriendlyName = request.FriendlyDeviceName;
        if (session is not null)
        {
            row.TotpEnabled = true;
            row.TotpPreferred |= !row.SmsPreferred && !row.EmailPreferred;
            await lockout.ResetAsync(user.Id, ct);
        }

        await db.SaveChangesAsync(ct);
        Log.SoftwareTokenRegistered(logger, pool!.Id, user.Sub);
        return AwsResult.Ok(new VerifySoftwareTokenResponse
        {
            Status = "SUCCESS",
            Session = session is null
                ? null
                : sessions.Seal(session with
                {
                    Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                    Stage = MfaSession.StageVerified,
                }),
        });
    }
}
