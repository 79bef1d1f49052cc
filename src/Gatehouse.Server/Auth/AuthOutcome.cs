using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Auth;

/// <summary>
/// What a sign-in step ends with: an error, a further challenge (with, for SELECT_CHALLENGE, the
/// AvailableChallenges of InitiateAuth), or tokens.
/// </summary>
internal sealed record AuthOutcome(
    AwsError? Error = null,
    string? ChallengeName = null,
    string? Session = null,
    IReadOnlyDictionary<string, string>? ChallengeParameters = null,
    AuthenticationResultType? AuthenticationResult = null,
    IReadOnlyList<string>? AvailableChallenges = null)
{
    public static implicit operator AuthOutcome(AwsError error) => new(Error: error);

    public static AuthOutcome Tokens(AuthenticationResultType result) =>
        new(AuthenticationResult: result, ChallengeParameters: new Dictionary<string, string>());
}
