using System.Text.Json;
using Gatehouse.Server.Auth;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Mfa;
using Gatehouse.Server.OAuth;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.HostedUi;

/// <summary>
/// The MFA step of a hosted-UI sign-in, built on the API's MFA services so both behave alike: the factor is decided
/// and an SMS/email code sent by <see cref="MfaChallenge"/> (MfaRules), SELECT_MFA_TYPE is answered by
/// <see cref="MfaAnswers"/>, TOTP setup runs <see cref="AssociateSoftwareToken"/> and <see cref="VerifySoftwareToken"/>
/// with the MFA_SETUP Session. A code is checked as RespondToAuthChallenge checks it (<see cref="MfaAnswers"/>):
/// the lockout reserves an attempt first (shared with passwords), then a recovery code
/// (<see cref="RecoveryCodes"/>), a TOTP code whose step is used once (<see cref="UserMfaStore.TryUseStepAsync"/>)
/// or the sent code (live in <see cref="VerificationCodes"/> and hashed in the Session); the Session is used up on
/// success, or after the fifth failure. Unlike RespondToAuthChallenge it mints no tokens: the page sets the
/// sign-in cookie and completes the authorize request.
/// </summary>
internal sealed class HostedMfa(
    AppDb db,
    AuthBlobSealer sealer,
    MfaChallenge challenge,
    MfaSessions sessions,
    MfaAnswers answers,
    UserMfaStore store,
    MfaCodeCheck check,
    RecoveryCodes recovery,
    SignInLockout lockout,
    AuthSessionLedger ledger,
    AssociateSoftwareToken associate,
    VerifySoftwareToken verify,
    TimeProvider clock)
{
    private const string Purpose = "hosted-ui-mfa";

    /// <summary>After the password (and new password): signed in, or the first MFA page (a code is sent now).</summary>
    public async Task<HostedMfaStep> StartAsync(ValidAuthorize valid, User user, CancellationToken ct)
    {
        if (await PoolSettings.LoadAsync(db, valid.Client.PoolId, ct) is not { } pool)
        {
            return HostedMfaStep.Refused(HostedUiStrings.SessionExpired);
        }

        var attempt = Attempt(pool, valid, user, "HOSTED_UI", null);
        return await challenge.ChallengeAsync(attempt, user, ct) is { } outcome
            ? await StepAsync(pool, valid, user, outcome, ct)
            : HostedMfaStep.Signed(user);
    }

    /// <summary>A code page's answer: the factor's code, or a recovery code.</summary>
    public async Task<HostedMfaStep> AnswerAsync(
        ValidAuthorize valid, string? stateText, string code, string recoveryCode, CancellationToken ct)
    {
        var (state, pool) = await OpenAsync(valid, stateText, ct);
        if (state is null || pool is null || state.Challenge is ChallengeNames.SelectMfaType or ChallengeNames.MfaSetup)
        {
            return HostedMfaStep.Refused(HostedUiStrings.SessionExpired);
        }

        var (session, user, error) = await sessions.OpenAsync(state.Session, state.PoolId, state.ClientId, state.Challenge, ct);
        if (error is not null || !string.Equals(user!.Sub, state.Sub, StringComparison.Ordinal))
        {
            return HostedMfaStep.Refused(HostedUiStrings.SessionExpired);
        }

        if (!user.Enabled)
        {
            return HostedMfaStep.Refused(HostedUiStrings.UserDisabled);
        }

        if (!MfaPoolFactors.Read(pool.Pool).Allows(state.Challenge))
        {
            return HostedMfaStep.Refused(HostedUiStrings.SessionExpired);
        }

        var again = new HostedMfaStep(user, state.Challenge, stateText, state.Destination);
        if (recoveryCode.Length == 0 && code.Length == 0)
        {
            return again with { Error = HostedUiStrings.WrongCode };
        }

        if (await lockout.ReserveAttemptAsync(user.Id, ct) is not null)
        {
            return HostedMfaStep.Refused(HostedUiStrings.TooManyAttempts);
        }

        var failure = recoveryCode.Length > 0
            ? await recovery.TryUseAsync(user.Id, recoveryCode, ct) ? null : HostedUiStrings.WrongCode
            : string.Equals(state.Challenge, MfaFactors.Totp, StringComparison.Ordinal)
                ? Text(await check.TotpAsync(user, code, ct))
                : Text(await check.SentCodeAsync(session!, user, code, ct));
        if (failure is not null)
        {
            if (await FailuresAsync(user, ct) >= SignInLockout.FreeAttempts)
            {
                // As RespondToAuthChallenge: once the lockout began, this Session cannot be used to keep guessing.
                await ledger.TryConsumeAsync(session!.Id, session.ExpiresAt, ct);
                return HostedMfaStep.Refused(HostedUiStrings.TooManyAttempts);
            }

            return again with { Error = failure };
        }

        await lockout.ResetAsync(user.Id, ct);
        return await ledger.TryConsumeAsync(session!.Id, session.ExpiresAt, ct)
            ? HostedMfaStep.Signed(user)
            : HostedMfaStep.Refused(HostedUiStrings.SessionExpired);
    }

    /// <summary>The choice page's answer: the chosen factor's page (its code sent now).</summary>
    public async Task<HostedMfaStep> SelectAsync(ValidAuthorize valid, string? stateText, string factor, CancellationToken ct)
    {
        var (state, pool) = await OpenAsync(valid, stateText, ct);
        if (state is null || pool is null || state.Challenge != ChallengeNames.SelectMfaType)
        {
            return HostedMfaStep.Refused(HostedUiStrings.SessionExpired);
        }

        var (session, user, error) = await sessions.OpenAsync(state.Session, state.PoolId, state.ClientId, state.Challenge, ct);
        if (error is not null || session is null || user is null)
        {
            return HostedMfaStep.Refused(HostedUiStrings.SessionExpired);
        }

        if (!(state.Factors ?? []).Contains(factor, StringComparer.Ordinal))
        {
            return new HostedMfaStep(user, state.Challenge, stateText, Factors: state.Factors, Error: HostedUiStrings.RequiredField);
        }

        var attempt = Attempt(pool, valid, user, ChallengeNames.SelectMfaType, state.Session, ("ANSWER", factor));
        var outcome = await answers.RespondAsync(attempt, ct);
        return outcome.Error is null
            ? await StepAsync(pool, valid, user, outcome, ct)
            : HostedMfaStep.Refused(HostedUiStrings.SessionExpired);
    }

    /// <summary>The TOTP setup page's answer: VerifySoftwareToken turns TOTP on, then the sign-in is done.</summary>
    public async Task<HostedMfaStep> SetupAsync(
        ValidAuthorize valid, string? stateText, string code, string deviceName, CancellationToken ct)
    {
        var (state, pool) = await OpenAsync(valid, stateText, ct);
        if (state is null || pool is null || state.Challenge != ChallengeNames.MfaSetup)
        {
            return HostedMfaStep.Refused(HostedUiStrings.SessionExpired);
        }

        var (_, user, error) = await sessions.OpenAsync(state.Session, state.PoolId, state.ClientId, state.Challenge, ct);
        if (error is not null || user is null)
        {
            return HostedMfaStep.Refused(HostedUiStrings.SessionExpired);
        }

        var result = await verify.HandleAsync(new VerifySoftwareTokenRequest
        {
            Session = state.Session,
            UserCode = code,
            FriendlyDeviceName = deviceName.Length == 0 ? null : deviceName,
        }, ct);
        if (result.Error is { } refused)
        {
            var text = refused.Type switch
            {
                "EnableSoftwareTokenMFAException" => HostedUiStrings.WrongCode,
                "CodeMismatchException" => HostedUiStrings.CodeUsedOnce,
                _ when refused.Message == AuthMessages.PasswordAttemptsExceeded => HostedUiStrings.TooManyAttempts,
                _ => null,
            };
            return text is null
                ? HostedMfaStep.Refused(HostedUiStrings.SessionExpired)
                : new HostedMfaStep(user, state.Challenge, stateText, SecretCode: await PendingSecretAsync(user, ct), Error: text);
        }

        // VerifySoftwareToken answers a Session of stage "verified" whenever it was called with one and succeeded.
        var verified = ((VerifySoftwareTokenResponse)result.Body!).Session!;
        var (done, doneUser, doneError) = await sessions.OpenAsync(verified, state.PoolId, state.ClientId, state.Challenge, ct);
        return doneError is null && await ledger.TryConsumeAsync(done!.Id, done.ExpiresAt, ct)
            ? HostedMfaStep.Signed(doneUser!)
            : HostedMfaStep.Refused(HostedUiStrings.SessionExpired);
    }

    /// <summary>The issuer and account name of the otpauth URI: the pool's name and what the user signs in with.</summary>
    public async Task<(string Issuer, string Account)> LabelAsync(string poolId, User user, CancellationToken ct)
    {
        var pool = await db.UserPools.AsNoTracking().Where(p => p.Id == poolId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        var attributes = UserRecordWriter.ReadAttributes(user);
        var account = string.Equals(user.Username, user.Sub, StringComparison.Ordinal)
            && attributes.TryGetValue(UserAttributeNames.Email, out var email) ? email : user.Username;
        return (pool ?? poolId, account);
    }

    private async Task<HostedMfaStep> StepAsync(
        PoolSettings pool, ValidAuthorize valid, User user, AuthOutcome outcome, CancellationToken ct)
    {
        if (outcome.Error is not null || outcome.ChallengeName is not { } name || outcome.Session is not { } session)
        {
            return HostedMfaStep.Refused(outcome.Error?.Message ?? HostedUiStrings.SessionExpired);
        }

        var parameters = outcome.ChallengeParameters ?? new Dictionary<string, string>();
        switch (name)
        {
            case ChallengeNames.SelectMfaType:
                var choices = FactorList(parameters, "MFAS_CAN_CHOOSE");
                return new HostedMfaStep(user, name, Seal(pool, valid, user, name, session, null, choices),
                    Factors: choices);
            case ChallengeNames.MfaSetup:
                if (!FactorList(parameters, "MFAS_CAN_SETUP").Contains(MfaFactors.Totp))
                {
                    return HostedMfaStep.Refused(HostedUiStrings.SetupNotAvailable);
                }

                var associated = await associate.HandleAsync(new AssociateSoftwareTokenRequest { Session = session }, ct);
                if (associated.Error is not null)
                {
                    return HostedMfaStep.Refused(HostedUiStrings.SetupNotAvailable);
                }

                // With a Session, AssociateSoftwareToken answers the secret and the Session of stage "associated".
                var response = (AssociateSoftwareTokenResponse)associated.Body!;
                return new HostedMfaStep(user, name, Seal(pool, valid, user, name, response.Session!, null, null),
                    SecretCode: response.SecretCode);
            default:
                var destination = parameters.TryGetValue("CODE_DELIVERY_DESTINATION", out var d) && d.Length > 0 ? d : null;
                return new HostedMfaStep(user, name, Seal(pool, valid, user, name, session, destination, null), destination);
        }
    }

    /// <summary>The page's text for a refused code (<see cref="MfaCodeCheck"/>'s errors).</summary>
    private static string? Text(AwsError? error) => error switch
    {
        null => null,
        { Message: MfaMessages.TokenUsedOnce } => HostedUiStrings.CodeUsedOnce,
        { Type: "CodeMismatchException" or "SoftwareTokenMFANotFoundException" } => HostedUiStrings.WrongCode,
        _ => HostedUiStrings.CodeExpired,
    };

    private Task<int> FailuresAsync(User user, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.FailedSignIns).FirstOrDefaultAsync(ct);

    private async Task<string?> PendingSecretAsync(User user, CancellationToken ct) =>
        await store.FindAsync(user.Id, ct) is { TotpPendingSecretProtected: { } pending }
            ? TotpCodes.ToBase32(store.Unprotect(pending))
            : null;

    private static List<string> FactorList(IReadOnlyDictionary<string, string> parameters, string name) =>
        parameters.TryGetValue(name, out var json)
            ? (JsonSerializer.Deserialize(json, MfaJsonContext.Default.ListString) ?? []).Where(MfaFactors.IsFactor).ToList()
            : [];

    private static AuthAttempt Attempt(
        PoolSettings pool, ValidAuthorize valid, User user, string name, string? session, params (string, string)[] extra)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["USERNAME"] = user.Username };
        foreach (var (key, value) in extra)
        {
            parameters[key] = value;
        }

        var attempt = new AuthAttempt { Name = name, ClientId = valid.Client.ClientId, Parameters = parameters, Session = session };
        attempt.Loaded(pool, valid.Client, valid.Settings, null);
        return attempt;
    }

    private string Seal(
        PoolSettings pool, ValidAuthorize valid, User user, string name, string session, string? destination,
        IReadOnlyList<string>? factors)
    {
        var validity = TimeSpan.FromMinutes(valid.Settings.AuthSessionValidity ?? 3);
        var state = new HostedMfaState(pool.Pool.Id, valid.Client.ClientId, user.Username, user.Sub, name, session,
            destination, factors, (clock.GetUtcNow() + validity).ToUnixTimeMilliseconds());
        return sealer.Seal(Purpose, JsonSerializer.SerializeToUtf8Bytes(state, HostedUiJsonContext.Default.HostedMfaState));
    }

    /// <summary>The state of a posted page: sealed by us for this purpose, this pool and client, unexpired.</summary>
    private async Task<(HostedMfaState? State, PoolSettings? Pool)> OpenAsync(
        ValidAuthorize valid, string? text, CancellationToken ct)
    {
        if (text is not { Length: > 0 } || sealer.Open(Purpose, text) is not { } json)
        {
            return (null, null);
        }

        HostedMfaState? state;
        try
        {
            state = JsonSerializer.Deserialize(json, HostedUiJsonContext.Default.HostedMfaState);
        }
        catch (JsonException)
        {
            return (null, null);
        }

        if (state is null || !string.Equals(state.PoolId, valid.Client.PoolId, StringComparison.Ordinal)
            || !string.Equals(state.ClientId, valid.Client.ClientId, StringComparison.Ordinal)
            || state.ExpiresAt <= clock.GetUtcNow().ToUnixTimeMilliseconds())
        {
            return (null, null);
        }

        return (state, await PoolSettings.LoadAsync(db, state.PoolId, ct));
    }
}
