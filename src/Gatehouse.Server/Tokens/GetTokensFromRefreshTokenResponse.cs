using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Tokens;

/// <summary>Output of GetTokensFromRefreshToken.</summary>
internal sealed record GetTokensFromRefreshTokenResponse
{
    public AuthenticationResultType? AuthenticationResult { get; init; }
}
