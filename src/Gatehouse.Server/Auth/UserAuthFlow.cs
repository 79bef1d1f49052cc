using System.Security.Cryptography;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Passkeys;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Auth;

/// <summary>
/// USER_AUTH, choice-based sign-in. With <c>PREFERRED_CHALLENGE</c> it goes straight to that first factor
/// (PASSWORD with the PASSWORD parameter, PASSWORD_SRP with SRP_A, WEB_AUTHN); without, it answers
/// SELECT_CHALLENGE with AvailableChallenges and a Session, answered by <see cref="SelectAsync"/> with
/// <c>ANSWER</c> (and, for PASSWORD, the password; for PASSWORD_SRP, SRP_A, as the ChallengeResponses reference
/// allows). A factor is available when the pool's AllowedFirstAuthFactors has it (PASSWORD covers PASSWORD_SRP)
/// and the user has it (a password; a passkey for the pool's relying party). When the client hides user existence,
/// the list depends on the pool only, for every user, so it reveals nobody; a passkey challenge for a user without
/// one then simply cannot be answered. A factor that is not available is refused with InvalidParameterException.
/// </summary>
internal sealed class UserAuthFlow(
    AppDb db,
    AuthBlobs blobs,
    AuthSessionLedger ledger,
    PasswordSignIn password,
    SrpChallenge srp,
    WebAuthnSignIn webAuthn,
    OtpFirstFactors otp,
    PoolPasskeys passkeys,
    TimeProvider clock)
{
    public async Task<AuthOutcome> StartAsync(AuthAttempt attempt, CancellationToken ct)
    {
        // RequireFlowParameters has run, so USERNAME is present.
        var username = attempt.Parameter("USERNAME")!;
        var user = await UserLookup.FindAsync(db, attempt.Pool, username, ct);
        if (user is null && !attempt.HidesUserExistence)
        {
            return AwsError.UserNotFound(AuthMessages.UserDoesNotExist);
        }

        var available = await AvailableAsync(attempt, user, ct);
        if (attempt.Parameter("PREFERRED_CHALLENGE") is { } preferred)
        {
            return await StartFactorAsync(attempt, preferred, user, available, ct);
        }

        if (available.Count == 0)
        {
            return AwsError.NotAuthorized(AuthMessages.IncorrectCredentials);
        }

        var session = new AuthSession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), attempt.Pool.Pool.Id,
            attempt.ClientId, user?.Username ?? username, ChallengeNames.SelectChallenge,
            (clock.GetUtcNow() + SignInCompletion.SessionValidity(attempt)).ToUnixTimeMilliseconds());
        return new AuthOutcome(
            ChallengeName: ChallengeNames.SelectChallenge,
            Session: blobs.Seal(session),
            ChallengeParameters: new Dictionary<string, string>(StringComparer.Ordinal),
            AvailableChallenges: available);
    }

    /// <summary>The answer to SELECT_CHALLENGE: the Session must be ours, unused, unexpired, for this user.</summary>
    public async Task<AuthOutcome> SelectAsync(AuthAttempt attempt, CancellationToken ct)
    {
        var poolId = attempt.Pool.Pool.Id;
        var (session, invalid) = blobs.OpenAnswered(attempt, ChallengeNames.SelectChallenge, clock.GetUtcNow());
        if (invalid is not null)
        {
            return invalid;
        }

        // OpenAnswered returns a session whenever it returns no error.
        var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds(session!.ExpiresAtMs);

        // RequireChallengeResponses has run, so USERNAME and ANSWER are present.
        var answered = attempt.Parameter("USERNAME")!;
        var user = await db.Users.FirstOrDefaultAsync(u => u.PoolId == poolId && u.Username == session.Username, ct);
        var sameUser = user is null
            ? string.Equals(answered, session.Username, StringComparison.Ordinal)
            : string.Equals(answered, user.Username, StringComparison.Ordinal)
              || (await UserLookup.FindAsync(db, attempt.Pool, answered, ct))?.Id == user.Id;
        if (!sameUser || (user is null && !attempt.HidesUserExistence))
        {
            return AwsError.NotAuthorized(AuthMessages.InvalidSession);
        }

        if (!await ledger.TryConsumeAsync(session.Id, expiresAt, ct))
        {
            return AwsError.NotAuthorized(AuthMessages.InvalidSession);
        }

        var available = await AvailableAsync(attempt, user, ct);
        return await StartFactorAsync(attempt, attempt.Parameter("ANSWER")!, user, available, ct);
    }

    private async Task<AuthOutcome> StartFactorAsync(
        AuthAttempt attempt, string factor, User? user, IReadOnlyList<string> available, CancellationToken ct)
    {
        if (!FirstFactors.Known(factor))
        {
            return AwsError.InvalidParameter(AuthMessages.UnknownFactor(factor));
        }

        if (!available.Contains(factor, StringComparer.Ordinal))
        {
            return AwsError.InvalidParameter(AuthMessages.FactorNotAvailable(factor));
        }

        string? missing = factor switch
        {
            FirstFactors.Password when attempt.Parameter("PASSWORD") is null => "PASSWORD",
            FirstFactors.PasswordSrp when attempt.Parameter("SRP_A") is null => "SRP_A",
            _ => null,
        };
        if (missing is not null)
        {
            return AwsError.InvalidParameter(AuthMessages.MissingParameter(missing));
        }

        return factor switch
        {
            FirstFactors.Password => await password.SignInAsync(attempt, ct),
            FirstFactors.PasswordSrp => await srp.StartAsync(attempt, ct),
            FirstFactors.WebAuthn => await webAuthn.ChallengeAsync(attempt, user, ct),
            // EMAIL_OTP, SMS_OTP: OtpFirstFactors answers unknown users as it answers known ones when existence is hidden.
            _ => await otp.StartAsync(factor, attempt, user, ct),
        };
    }

    /// <summary>The factors this user can use now, per the pool's sign-in policy (see the class comment).</summary>
    private async Task<IReadOnlyList<string>> AvailableAsync(AuthAttempt attempt, User? user, CancellationToken ct)
    {
        var allowed = attempt.Pool.Type.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? [FirstFactors.Password];
        var poolOnly = attempt.HidesUserExistence || user is null;
        var available = new List<string>();
        foreach (var factor in FirstFactors.All)
        {
            var policyFactor = factor == FirstFactors.PasswordSrp ? FirstFactors.Password : factor;
            if (!allowed.Contains(policyFactor, StringComparer.Ordinal))
            {
                continue;
            }

            // poolOnly is false only when user is set, so user! below is not null.
            var has = factor switch
            {
                FirstFactors.Password or FirstFactors.PasswordSrp => poolOnly || user!.PasswordVerifierProtected is not null,
                FirstFactors.WebAuthn => passkeys.RelyingPartyId(attempt.Pool) is { } rpId
                    && (poolOnly || await db.WebAuthnCredentials.AnyAsync(
                        c => c.UserId == user!.Id && c.RelyingPartyId == rpId, ct)),
                _ => OtpFirstFactors.IsAvailable(factor, attempt, user),
            };
            if (has)
            {
                available.Add(factor);
            }
        }

        return available;
    }
}
