using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Devices;
using Gatehouse.Server.Mfa;
using Gatehouse.Server.Passkeys;

namespace Gatehouse.Server.Auth;

/// <summary>
/// Runs InitiateAuth and RespondToAuthChallenge (admin or not): the ordered checks of <see cref="AuthChecks"/>,
/// then the flow or challenge, and logs the outcome by identifiers only (STYLE.md §7).
/// </summary>
internal sealed class AuthFlowRunner(
    AuthChecks checks,
    SrpChallenge srp,
    PasswordSignIn password,
    RefreshSignIn refresh,
    NewPasswordChallenge newPassword,
    MfaAnswers mfa,
    DeviceSrpChallenge deviceSrp,
    UserAuthFlow userAuth,
    CustomAuthFlow customAuth,
    WebAuthnSignIn webAuthn,
    ILogger<AuthFlowRunner> logger)
{
    public async Task<AuthOutcome> InitiateAsync(AuthAttempt attempt, CancellationToken ct)
    {
        if (await AuthChecks.RunAsync(checks.Initiate, attempt, ct) is { } error)
        {
            return Logged(attempt, error);
        }

        var outcome = attempt.Name switch
        {
            AuthFlows.UserSrp => await srp.StartAsync(attempt, ct),
            AuthFlows.UserAuth => await userAuth.StartAsync(attempt, ct),
            AuthFlows.CustomAuth => await customAuth.StartAsync(attempt, ct),
            AuthFlows.RefreshTokenAuth or AuthFlows.RefreshToken => await refresh.SignInAsync(attempt, ct),
            _ => await password.SignInAsync(attempt, ct),
        };
        return Logged(attempt, outcome);
    }

    public async Task<AuthOutcome> RespondAsync(AuthAttempt attempt, CancellationToken ct)
    {
        if (await AuthChecks.RunAsync(checks.Respond, attempt, ct) is { } error)
        {
            return Logged(attempt, error);
        }

        var outcome = attempt.Name switch
        {
            ChallengeNames.PasswordVerifier when customAuth.OwnsPasswordVerifier(attempt) =>
                await customAuth.VerifyPasswordAsync(attempt, ct),
            ChallengeNames.PasswordVerifier => await srp.VerifyAsync(attempt, ct),
            ChallengeNames.CustomChallenge => await customAuth.AnswerAsync(attempt, ct),
            _ when ChallengeNames.IsMfa(attempt.Name) => await mfa.RespondAsync(attempt, ct),
            DeviceChallengeNames.DeviceSrpAuth => await deviceSrp.StartAsync(attempt, ct),
            DeviceChallengeNames.DevicePasswordVerifier => await deviceSrp.VerifyAsync(attempt, ct),
            ChallengeNames.SelectChallenge => await userAuth.SelectAsync(attempt, ct),
            ChallengeNames.WebAuthn => await webAuthn.VerifyAsync(attempt, ct),
            _ => await newPassword.RespondAsync(attempt, ct),
        };
        return Logged(attempt, outcome);
    }

    private AuthOutcome Logged(AuthAttempt attempt, AuthOutcome outcome)
    {
        if (outcome.Error is { } error)
        {
            Log.AuthRefused(logger, attempt.Name, attempt.ClientId, error.Type);
        }
        else if (outcome.AuthenticationResult is not null)
        {
            Log.TokensIssued(logger, attempt.Name, attempt.ClientId);
        }

        return outcome;
    }

    private AuthOutcome Logged(AuthAttempt attempt, AwsError error) => Logged(attempt, new AuthOutcome(Error: error));
}
