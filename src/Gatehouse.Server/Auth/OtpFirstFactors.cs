using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Auth;

/// <summary>
/// EMAIL_OTP and SMS_OTP as first factors of USER_AUTH: the one place where the code challenges of Mfa/ (their
/// delivery and checking) join USER_AUTH. Until they are wired here, <see cref="IsAvailable"/> answers false, so
/// neither is listed in AvailableChallenges nor accepted as PREFERRED_CHALLENGE or ANSWER (such a request gets
/// the unavailable-factor error of <see cref="UserAuthFlow"/>), and <see cref="StartAsync"/> is never reached.
/// Wiring: answer true where the pool allows the factor and the user has a verified email / phone number, start the
/// code challenge (ChallengeName EMAIL_OTP / SMS_OTP) in StartAsync, dispatch the answer in AuthFlowRunner, and set
/// <see cref="AuthAttempt.FirstFactorSatisfiesMfa"/> before SignInCompletion, as WEB_AUTHN does.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static",
    Justification = "Instance members: the wiring gives this class the Mfa/ services it will use.")]
internal sealed class OtpFirstFactors
{
    public bool IsAvailable(string factor, AuthAttempt attempt, User? user) => false;

    public Task<AuthOutcome> StartAsync(string factor, AuthAttempt attempt, User user, CancellationToken ct) =>
        Task.FromResult<AuthOutcome>(AwsError.InvalidParameter(AuthMessages.FactorNotAvailable(factor)));
}
