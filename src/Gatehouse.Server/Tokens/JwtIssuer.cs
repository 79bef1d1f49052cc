using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Server.Tokens;

/// <summary>Signs a claim set as a compact RS256 JWS whose header carries the key's <c>kid</c>.</summary>
internal static class JwtIssuer
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static string Sign(string payloadJson, SigningCredentials credentials) =>
        Handler.CreateToken(payloadJson, credentials);
}
