using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Auth;

/// <summary>AdminRespondToAuthChallenge (SigV4): PASSWORD_VERIFIER and NEW_PASSWORD_REQUIRED in the named pool.</summary>
internal sealed class AdminRespondToAuthChallenge(AuthFlowRunner runner) : IAwsHandler<AdminRespondToAuthChallengeRequest>
{
    public async Task<AwsResult> HandleAsync(AdminRespondToAuthChallengeRequest request, CancellationToken ct)
    {
        var outcome = await runner.RespondAsync(new AuthAttempt
        {
            Name = request.ChallengeName,
            ClientId = request.ClientId,
            UserPoolId = request.UserPoolId,
            Parameters = request.ChallengeResponses ?? new Dictionary<string, string>(),
            Session = request.Session,
            ClientMetadata = request.ClientMetadata,
        }, ct);
        return outcome.Error ?? AwsResult.Ok(new AdminRespondToAuthChallengeResponse
        {
            ChallengeName = outcome.ChallengeName,
            Session = outcome.Session,
            ChallengeParameters = outcome.ChallengeParameters,
            AuthenticationResult = outcome.AuthenticationResult,
        });
    }
}
