using System.Text.Json;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.Mfa;

/// <summary>
/// The MFA step of a sign-in, called by <c>Auth/SignInCompletion</c> once the first factor and the user's
/// status checks passed: null when no MFA is needed (<see cref="MfaRules"/>), otherwise the challenge. SMS_MFA
/// and EMAIL_OTP send a fresh 6-digit code, kept as a stored code (purpose <see cref="CodePurpose"/>, replacing
/// any older one: a new sign-in makes the previous code useless) and as a hash in the Session, so that the
/// code works only with the Session it was sent for, once, until the Session expires.
/// </summary>
internal sealed class MfaChallenge(
    UserMfaStore store,
    MfaSessions sessions,
    MfaCodeSender sender,
    VerificationCodes codes,
    ILogger<MfaChallenge> logger)
{
    public const string CodePurpose = "MFA_SIGN_IN";

    public async Task<AuthOutcome?> ChallengeAsync(AuthAttempt attempt, User user, CancellationToken ct)
    {
        var decision = MfaRules.Decide(MfaPoolFactors.Read(attempt.Pool.Pool), await store.FactorsAsync(user, ct));
        switch (decision.Step)
        {
            case MfaStep.Challenge:
                return await IssueAsync(attempt, user, decision.Factors[0], ct);
            case MfaStep.Select:
                return Offer(attempt, user, ChallengeNames.SelectMfaType, "MFAS_CAN_CHOOSE", decision.Factors);
            case MfaStep.Setup:
                return Offer(attempt, user, ChallengeNames.MfaSetup, "MFAS_CAN_SETUP", decision.Factors);
            default:
                return null;
        }
    }

    /// <summary>The challenge of one factor: SMS_MFA / EMAIL_OTP with a code sent, or SOFTWARE_TOKEN_MFA.</summary>
    public Task<AuthOutcome> IssueAsync(AuthAttempt attempt, User user, string factor, CancellationToken ct) =>
        IssueAsync(attempt, user, factor, factor, stage: null, ct);

    /// <summary>
    /// USER_AUTH's EMAIL_OTP / SMS_OTP first factor: the same code challenge under USER_AUTH's name, its session
    /// marked <see cref="MfaSession.StageFirstFactor"/>, so the answer is checked against the pool's sign-in policy
    /// rather than its MFA configuration.
    /// </summary>
    public Task<AuthOutcome> IssueFirstFactorAsync(AuthAttempt attempt, User user, string challengeName, CancellationToken ct) =>
        IssueAsync(attempt, user, challengeName, FactorOf(challengeName), MfaSession.StageFirstFactor, ct);

    /// <summary>The MFA factor whose code a challenge sends: SMS_OTP is sent as SMS_MFA is.</summary>
    public static string FactorOf(string challengeName) =>
        string.Equals(challengeName, ChallengeNames.SmsOtp, StringComparison.Ordinal) ? MfaFactors.Sms : challengeName;

    private async Task<AuthOutcome> IssueAsync(
        AuthAttempt attempt, User user, string challengeName, string factor, string? stage, CancellationToken ct)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["USER_ID_FOR_SRP"] = user.Username };
        string? codeHash = null;
        if (factor is MfaFactors.Sms or MfaFactors.Email)
        {
            var attribute = factor == MfaFactors.Sms ? UserAttributeNames.PhoneNumber : UserAttributeNames.Email;
            var code = await codes.IssueAsync(user, CodePurpose, attribute, SignInCompletion.SessionValidity(attempt), ct);
            codeHash = VerificationCodeHash.Hash(code);
            var details = await sender.SendAsync(attempt.Pool, factor, user, code, ct);
            parameters["CODE_DELIVERY_DELIVERY_MEDIUM"] = details.DeliveryMedium ?? "";
            parameters["CODE_DELIVERY_DESTINATION"] = details.Destination ?? "";
        }

        Log.ChallengeIssued(logger, challengeName, attempt.Pool.Pool.Id, user.Sub);
        var session = sessions.New(attempt, user, challengeName, codeHash, stage: stage);
        return new AuthOutcome(ChallengeName: challengeName, Session: sessions.Seal(session), ChallengeParameters: parameters);
    }

    private AuthOutcome Offer(AuthAttempt attempt, User user, string challenge, string parameter, IReadOnlyList<string> factors)
    {
        Log.ChallengeIssued(logger, challenge, attempt.Pool.Pool.Id, user.Sub);
        var session = sessions.New(attempt, user, challenge, factors: factors);
        return new AuthOutcome(
            ChallengeName: challenge,
            Session: sessions.Seal(session),
            ChallengeParameters: new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["USER_ID_FOR_SRP"] = user.Username,
                [parameter] = JsonSerializer.Serialize(factors.ToList(), MfaJsonContext.Default.ListString),
            });
    }
}
