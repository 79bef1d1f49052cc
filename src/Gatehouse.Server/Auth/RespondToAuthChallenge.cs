using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Auth;

/// <summary>RespondToAuthChallenge (unsigned): PASSWORD_VERIFIER and NEW_PASSWORD_REQUIRED.</summary>
internal sealed class RespondToAuthChallenge(AuthFlowRunner runner) : IAwsHandler<RespondToAuthChallengeRequest>
{
    public async Task<AwsResult> HandleAsync(RespondToAuthChallengeRequest request, CancellationToken ct)
    {
        var outcome = await runner.RespondAsync(new AuthAttempt
        {
            Name = request.ChallengeName,
            ClientId = request.ClientId,
            Parameters = request.ChallengeResponses ?? new Dictionary<string, string>(),
            Session = request.Session,
            ClientMetadata = request.ClientMetadata,
        }, ct);
        return outcome.Error ?? AwsResult.Ok(new RespondToAuthChallengeResponse
        {
            ChallengeName = outcome.ChallengeName,
            Session = outcome.Session,
            ChallengeParameters = outcome.ChallengeParameters,
            AuthenticationResult = outcome.AuthenticationResult,
        });
    }
}
