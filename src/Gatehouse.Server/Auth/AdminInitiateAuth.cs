using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Auth;

/// <summary>
/// AdminInitiateAuth (SigV4): USER_SRP_AUTH, ADMIN_USER_PASSWORD_AUTH / ADMIN_NO_SRP_AUTH, REFRESH_TOKEN_AUTH /
/// REFRESH_TOKEN, for a client of the named pool.
/// </summary>
internal sealed class AdminInitiateAuth(AuthFlowRunner runner) : IAwsHandler<AdminInitiateAuthRequest>
{
    public async Task<AwsResult> HandleAsync(AdminInitiateAuthRequest request, CancellationToken ct)
    {
        var outcome = await runner.InitiateAsync(new AuthAttempt
        {
            Name = request.AuthFlow,
            ClientId = request.ClientId,
            UserPoolId = request.UserPoolId,
            Parameters = request.AuthParameters ?? new Dictionary<string, string>(),
            Session = request.Session,
            ClientMetadata = request.ClientMetadata,
        }, ct);
        return outcome.Error ?? AwsResult.Ok(new AdminInitiateAuthResponse
        {
            ChallengeName = outcome.ChallengeName,
            Session = outcome.Session,
            ChallengeParameters = outcome.ChallengeParameters,
            AuthenticationResult = outcome.AuthenticationResult,
            AvailableChallenges = outcome.AvailableChallenges,
        });
    }
}
