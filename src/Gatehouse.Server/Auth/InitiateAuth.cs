using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Auth;

/// <summary>InitiateAuth (unsigned): USER_SRP_AUTH, USER_PASSWORD_AUTH, REFRESH_TOKEN_AUTH / REFRESH_TOKEN.</summary>
internal sealed class InitiateAuth(AuthFlowRunner runner) : IAwsHandler<InitiateAuthRequest>
{
    public async Task<AwsResult> HandleAsync(InitiateAuthRequest request, CancellationToken ct)
    {
        var outcome = await runner.InitiateAsync(new AuthAttempt
        {
            Name = request.AuthFlow,
            ClientId = request.ClientId,
            Parameters = request.AuthParameters ?? new Dictionary<string, string>(),
            Session = request.Session,
            ClientMetadata = request.ClientMetadata,
        }, ct);
        return outcome.Error ?? AwsResult.Ok(new InitiateAuthResponse
        {
            ChallengeName = outcome.ChallengeName,
            Session = outcome.Session,
            ChallengeParameters = outcome.ChallengeParameters,
            AuthenticationResult = outcome.AuthenticationResult,
            AvailableChallenges = outcome.AvailableChallenges,
        });
    }
}
