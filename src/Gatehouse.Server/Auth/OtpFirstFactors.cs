using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Mfa;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.Auth;

/// <summary>
/// EMAIL_OTP and SMS_OTP as first factors of USER_AUTH: the one place where the code challenges of Mfa/ (their
/// delivery and checking) join USER_AUTH. A factor is available to a confirmed, enabled user with a verified email
/// address (EMAIL_OTP) or phone number (SMS_OTP); the code is sent and checked as the MFA codes are
/// (<see cref="MfaChallenge.IssueFirstFactorAsync"/>, answered by Mfa/MfaAnswers with EMAIL_OTP_CODE /
/// SMS_OTP_CODE), and a correct code ends the sign-in: the code proves possession, so no MFA follows.
/// When the client hides user existence the factor is listed for everyone, and a user who cannot take it (unknown,
/// no verified destination, disabled, unconfirmed) gets the same challenge with a simulated destination: nothing is
/// sent and the Session cannot be answered.
/// </summary>
internal sealed class OtpFirstFactors(MfaChallenge challenge, AuthBlobSealer sealer, TimeProvider clock)
{
    public static bool IsAvailable(string factor, AuthAttempt attempt, User? user) =>
        attempt.HidesUserExistence || user is null || CanTake(factor, user);

    public async Task<AuthOutcome> StartAsync(string factor, AuthAttempt attempt, User? user, CancellationToken ct)
    {
        if (user is not null && CanTake(factor, user))
        {
            return await challenge.IssueFirstFactorAsync(attempt, user, factor, ct);
        }

        // Do not reveal who exists or what they have: the shape of a real challenge, nothing sent.
        return attempt.HidesUserExistence
            ? Simulated(factor, attempt)
            : AwsError.InvalidParameter(AuthMessages.FactorNotAvailable(factor));
    }

    private static bool CanTake(string factor, User user)
    {
        if (!user.Enabled || !string.Equals(user.Status, UserStatuses.Confirmed, StringComparison.Ordinal))
        {
            return false;
        }

        var attributes = UserRecordWriter.ReadAttributes(user);
        var (attribute, verified) = string.Equals(factor, FirstFactors.SmsOtp, StringComparison.Ordinal)
            ? (UserAttributeNames.PhoneNumber, UserAttributeNames.PhoneNumberVerified)
            : (UserAttributeNames.Email, UserAttributeNames.EmailVerified);
        return attributes.ContainsKey(attribute)
            && attributes.TryGetValue(verified, out var value) && string.Equals(value, "true", StringComparison.Ordinal);
    }

    private AuthOutcome Simulated(string factor, AuthAttempt attempt)
    {
        var username = attempt.Parameter("USERNAME") ?? "";
        var sms = string.Equals(factor, FirstFactors.SmsOtp, StringComparison.Ordinal);
        var destination = sms && !username.StartsWith('+')
            ? CodeDestination.Phone("+1" + string.Concat(SHA256.HashData(
                Encoding.UTF8.GetBytes(attempt.Pool.Pool.Id + "\n" + username)).Take(10)
                .Select(b => (char)('0' + (b % 10)))))
            : CodeDestinations.Simulated(attempt.Pool, username, recovery: false);
        var details = destination.Details();
        // A session for nobody (a random sub): MfaSessions finds no user for it, so it can never be answered.
        var session = new MfaSession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), attempt.Pool.Pool.Id,
            attempt.ClientId, username, Guid.NewGuid().ToString(), factor,
            (clock.GetUtcNow() + SignInCompletion.SessionValidity(attempt)).ToUnixTimeMilliseconds(),
            Stage: MfaSession.StageFirstFactor);
        return new AuthOutcome(
            ChallengeName: factor,
            Session: sealer.Seal(MfaSession.Purpose, JsonSerializer.SerializeToUtf8Bytes(session,
                MfaJsonContext.Default.MfaSession)),
            ChallengeParameters: new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["CODE_DELIVERY_DELIVERY_MEDIUM"] = details.DeliveryMedium ?? "",
                ["CODE_DELIVERY_DESTINATION"] = details.Destination ?? "",
            });
    }
}
