using System.Security.Cryptography;
using System.Text.Json;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Auth;

/// <summary>
/// CUSTOM_AUTH (InitiateAuth and AdminInitiateAuth), answered with CUSTOM_CHALLENGE (and, when it starts with SRP,
/// PASSWORD_VERIFIER), in Cognito's loop (developer guide, "Custom authentication challenge Lambda triggers"):
/// DefineAuthChallenge sees the <c>session</c> array and answers fail, issue tokens, or the next challenge;
/// for CUSTOM_CHALLENGE, CreateAuthChallenge makes it (its publicChallengeParameters, plus USERNAME, are the
/// ChallengeParameters); the answer goes to VerifyAuthChallengeResponse, whose answerCorrect joins the array, and
/// Define runs again. With <c>CHALLENGE_NAME=SRP_A</c> (CUSTOM_WITH_SRP) the array starts with
/// {SRP_A, true}; Define may then ask PASSWORD_VERIFIER, which is the SRP step of <see cref="SrpChallenge"/>
/// (a wrong password is NotAuthorizedException, as in USER_SRP_AUTH), after which {PASSWORD_VERIFIER, true} joins
/// the array. failAuthentication is "Incorrect username or password."; issueTokens goes on through
/// <see cref="SignInCompletion"/> (new password, remembered device, MFA, then tokens), as after a password.
/// The whole state travels in a sealed <see cref="CustomAuthSession"/>, single-use and valid for the client's
/// AuthSessionValidity, so any node continues the flow. An unknown user, when the client hides user existence,
/// goes through Define and Create with userNotFound true and can never get tokens.
/// </summary>
internal sealed class CustomAuthFlow(
    AppDb db,
    CustomAuthTriggers triggers,
    AuthBlobSealer sealer,
    AuthSessionLedger ledger,
    UnknownUserDecoy decoy,
    SrpChallenge srp,
    SignInCompletion completion,
    TimeProvider clock)
{
    public const string SrpA = "SRP_A";

    public static bool StartsWithSrp(AuthAttempt attempt) =>
        string.Equals(attempt.Parameter("CHALLENGE_NAME"), SrpA, StringComparison.Ordinal);

    public async Task<AuthOutcome> StartAsync(AuthAttempt attempt, CancellationToken ct)
    {
        // RequireFlowParameters has run, so USERNAME (and SRP_A with CHALLENGE_NAME=SRP_A) are present.
        var username = attempt.Parameter("USERNAME")!;
        var withSrp = StartsWithSrp(attempt);
        if (withSrp && (!SrpMath.TryParseHex(attempt.Parameter(SrpA), out var a) || (a % SrpMath.N).IsZero))
        {
            return AwsError.InvalidParameter(AuthMessages.InvalidSrpA);
        }

        var user = await UserLookup.FindAsync(db, attempt.Pool, username, ct);
        if (user is null && !attempt.HidesUserExistence)
        {
            return AwsError.UserNotFound(AuthMessages.UserDoesNotExist);
        }

        // When existence is hidden, a disabled user is refused only at the end (SignInCompletion), like any other.
        if (user is { Enabled: false } && !attempt.HidesUserExistence)
        {
            return AwsError.NotAuthorized(AuthMessages.UserDisabled);
        }

        // An unknown user is named as SRP names it, so the USERNAME looks like a real one (UnknownUserDecoy).
        var name = user?.Username
            ?? (attempt.Pool.UsernameIsSub ? decoy.UserIdForSrp(attempt.Pool.Pool.Id, username) : username);
        var who = new CustomAuthUser(name, user, attempt.HidesUserExistence);
        List<CustomAuthChallengeResult> session = withSrp ? [new(SrpA, true, null)] : [];
        return await NextAsync(attempt, who, session, ct);
    }

    /// <summary>RespondToAuthChallenge CUSTOM_CHALLENGE with ANSWER.</summary>
    public async Task<AuthOutcome> AnswerAsync(AuthAttempt attempt, CancellationToken ct)
    {
        // The triggers may have been removed from the pool since the flow started.
        if (!triggers.AllConfigured(attempt))
        {
            return AwsError.InvalidParameter(CustomAuthMessages.TriggersNotConfigured);
        }

        var (state, who, invalid) = await OpenAnsweredAsync(attempt, ChallengeNames.CustomChallenge, ct);
        if (invalid is not null)
        {
            return invalid;
        }

        // OpenAnsweredAsync returns state and who whenever it returns no error; RequireChallengeResponses has run,
        // so ANSWER is present.
        var (correct, error) = await triggers.VerifyAsync(attempt, who!,
            state!.PrivateChallengeParameters ?? new Dictionary<string, string>(), attempt.Parameter("ANSWER")!, ct);
        if (error is not null)
        {
            return error;
        }

        return await NextAsync(attempt, who!,
            [.. state.Session, new(ChallengeNames.CustomChallenge, correct, state.ChallengeMetadata)], ct);
    }

    /// <summary>Whether this PASSWORD_VERIFIER answer belongs to a custom flow (its Session is ours).</summary>
    public bool OwnsPasswordVerifier(AuthAttempt attempt) =>
        attempt.Session is { } text && Open(text) is { } state
        && string.Equals(state.ChallengeName, ChallengeNames.PasswordVerifier, StringComparison.Ordinal);

    /// <summary>RespondToAuthChallenge PASSWORD_VERIFIER inside CUSTOM_AUTH (CUSTOM_WITH_SRP).</summary>
    public async Task<AuthOutcome> VerifyPasswordAsync(AuthAttempt attempt, CancellationToken ct)
    {
        var (state, who, invalid) = await OpenAnsweredAsync(attempt, ChallengeNames.PasswordVerifier, ct);
        if (invalid is not null)
        {
            return invalid;
        }

        var (user, error) = await srp.CheckAsync(attempt, ct);
        if (error is not null)
        {
            return error;
        }

        // CheckAsync returns a user whenever it returns no error; OpenAnsweredAsync returns state and who.
        if (!string.Equals(user!.Username, state!.Username, StringComparison.Ordinal))
        {
            return AwsError.NotAuthorized(AuthMessages.InvalidSession);
        }

        return await NextAsync(attempt, who! with { User = user },
            [.. state.Session, new(ChallengeNames.PasswordVerifier, true, null)], ct);
    }

    /// <summary>One turn of the loop: Define decides; fail, tokens, or the next challenge.</summary>
    private async Task<AuthOutcome> NextAsync(
        AuthAttempt attempt, CustomAuthUser who, IReadOnlyList<CustomAuthChallengeResult> session, CancellationToken ct)
    {
        var (decision, error) = await triggers.DefineAsync(attempt, who, session, ct);
        if (error is not null)
        {
            return error;
        }

        // DefineAsync returns a decision whenever it returns no error.
        if (decision!.FailAuthentication)
        {
            return AwsError.NotAuthorized(AuthMessages.IncorrectCredentials);
        }

        if (decision.IssueTokens)
        {
            // Nobody to issue tokens to: the same refusal as a failed challenge, so the caller learns nothing.
            return who.User is { } user
                ? await completion.CompleteAsync(attempt, user, ct)
                : AwsError.NotAuthorized(AuthMessages.IncorrectCredentials);
        }

        return decision.ChallengeName switch
        {
            ChallengeNames.CustomChallenge => await ChallengeAsync(attempt, who, session, ct),
            // PASSWORD_VERIFIER only right after SRP_A, in the InitiateAuth call that carries SRP_A.
            ChallengeNames.PasswordVerifier when session is [.., { ChallengeName: SrpA }] && attempt.Parameter(SrpA) is not null
                => await PasswordVerifierAsync(attempt, who, session, ct),
            _ => AwsError.InvalidLambdaResponse(CustomAuthMessages.UnrecognizableOutput),
        };
    }

    private async Task<AuthOutcome> ChallengeAsync(
        AuthAttempt attempt, CustomAuthUser who, IReadOnlyList<CustomAuthChallengeResult> session, CancellationToken ct)
    {
        var (challenge, error) = await triggers.CreateAsync(attempt, who, ChallengeNames.CustomChallenge, session, ct);
        if (error is not null)
        {
            return error;
        }

        // CreateAsync returns a challenge whenever it returns no error.
        var state = NewState(attempt, who, ChallengeNames.CustomChallenge, session) with
        {
            PrivateChallengeParameters = challenge!.PrivateChallengeParameters,
            ChallengeMetadata = challenge.ChallengeMetadata,
        };
        var sealedSession = Seal(state);
        if (sealedSession.Length > CustomAuthSession.MaxSealedLength)
        {
            return AwsError.InvalidLambdaResponse(CustomAuthMessages.SessionTooLarge);
        }

        var parameters = new Dictionary<string, string>(challenge.PublicChallengeParameters, StringComparer.Ordinal)
        {
            ["USERNAME"] = who.Username,
        };
        return new AuthOutcome(ChallengeName: ChallengeNames.CustomChallenge, Session: sealedSession,
            ChallengeParameters: parameters);
    }

    /// <summary>The SRP step of CUSTOM_WITH_SRP: USER_SRP_AUTH's PASSWORD_VERIFIER, with our Session.</summary>
    private async Task<AuthOutcome> PasswordVerifierAsync(
        AuthAttempt attempt, CustomAuthUser who, IReadOnlyList<CustomAuthChallengeResult> session, CancellationToken ct)
    {
        var outcome = await srp.StartAsync(attempt, ct);
        if (outcome.Error is not null)
        {
            return outcome;
        }

        var sealedSession = Seal(NewState(attempt, who, ChallengeNames.PasswordVerifier, session));
        return sealedSession.Length > CustomAuthSession.MaxSealedLength
            ? AwsError.InvalidLambdaResponse(CustomAuthMessages.SessionTooLarge)
            : outcome with { Session = sealedSession };
    }

    /// <summary>
    /// The Session an answer carries: sealed here for this pool, client and challenge, unexpired, for the user
    /// the USERNAME names, and not used before (then marked used); otherwise Cognito's invalid-session error.
    /// </summary>
    private async Task<(CustomAuthSession? State, CustomAuthUser? Who, AwsError? Error)> OpenAnsweredAsync(
        AuthAttempt attempt, string challengeName, CancellationToken ct)
    {
        var poolId = attempt.Pool.Pool.Id;
        if (attempt.Session is not { } text || Open(text) is not { } state
            || !string.Equals(state.PoolId, poolId, StringComparison.Ordinal)
            || !string.Equals(state.ClientId, attempt.ClientId, StringComparison.Ordinal)
            || !string.Equals(state.ChallengeName, challengeName, StringComparison.Ordinal))
        {
            return (null, null, AwsError.NotAuthorized(AuthMessages.InvalidSession));
        }

        var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds(state.ExpiresAtMs);
        if (expiresAt <= clock.GetUtcNow())
        {
            return (null, null, AwsError.NotAuthorized(AuthMessages.SessionExpired));
        }

        var user = state.UserNotFound
            ? null
            : await db.Users.FirstOrDefaultAsync(u => u.PoolId == poolId && u.Username == state.Username, ct);
        // RequireChallengeResponses has run, so USERNAME is present.
        var answered = attempt.Parameter("USERNAME")!;
        var sameUser = user is null
            ? state.UserNotFound && (string.Equals(answered, state.Username, StringComparison.Ordinal)
                || string.Equals(decoy.UserIdForSrp(poolId, answered), state.Username, StringComparison.Ordinal))
            : string.Equals(answered, user.Username, StringComparison.Ordinal)
              || (await UserLookup.FindAsync(db, attempt.Pool, answered, ct))?.Id == user.Id;
        if (!sameUser || !await ledger.TryConsumeAsync(state.Id, expiresAt, ct))
        {
            return (null, null, AwsError.NotAuthorized(AuthMessages.InvalidSession));
        }

        return (state, new CustomAuthUser(state.Username, user, attempt.HidesUserExistence), null);
    }

    private CustomAuthSession NewState(
        AuthAttempt attempt, CustomAuthUser who, string challengeName, IReadOnlyList<CustomAuthChallengeResult> session) =>
        new(CustomAuthSession.Version1, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), attempt.Pool.Pool.Id,
            attempt.ClientId, who.Username, who.NotFound, challengeName,
            (clock.GetUtcNow() + SignInCompletion.SessionValidity(attempt)).ToUnixTimeMilliseconds(), session);

    private string Seal(CustomAuthSession state) =>
        sealer.Seal(CustomAuthSession.Purpose,
            JsonSerializer.SerializeToUtf8Bytes(state, CustomAuthJsonContext.Default.CustomAuthSession));

    private CustomAuthSession? Open(string text) =>
        sealer.Open(CustomAuthSession.Purpose, text) is { } json
        && JsonSerializer.Deserialize(json, CustomAuthJsonContext.Default.CustomAuthSession) is { Version: CustomAuthSession.Version1 } state
            ? state
            : null;
}
