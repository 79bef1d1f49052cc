using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;

namespace Gatehouse.Server.Tokens;

/// <summary>
/// RevokeToken: revokes a refresh token's family and with it every access token of that family
/// (developer guide "Revoking tokens"). Errors per the model's documentation: a wrong client or secret is
/// UnauthorizedException, a client without token revocation UnsupportedOperationException, something that is not
/// a refresh token UnsupportedTokenTypeException. A refresh token this server does not know is answered with
/// success, as RFC 7009 §2.2 asks of revocation endpoints.
/// </summary>
internal sealed class RevokeToken(
    AppDb db, SecretProtector protector, RefreshTokenStore store, TimeProvider clock, ILogger<RevokeToken> logger)
    : IAwsHandler<RevokeTokenRequest>
{
    public async Task<AwsResult> HandleAsync(RevokeTokenRequest request, CancellationToken ct)
    {
        if (await db.FindClientAsync(request.ClientId, ct) is not { } client
            || !GetTokensFromRefreshToken.ClientSecretMatches(AppClientSecret.Reveal(protector, client), request.ClientSecret))
        {
            return AwsError.Unauthorized(TokensMessages.InvalidClientSecret);
        }

        if (UserPoolSettings.ReadClient(client).EnableTokenRevocation == false)
        {
            return AwsError.UnsupportedOperation(TokensMessages.RevocationDisabled);
        }

        if (!RefreshTokenFormat.LooksLikeRefreshToken(request.Token))
        {
            return AwsError.UnsupportedTokenType(TokensMessages.UnsupportedTokenType);
        }

        if (await store.FindAsync(request.Token, ct) is not { } token)
        {
            return AwsResult.Empty;
        }

        if (!string.Equals(token.ClientId, client.ClientId, StringComparison.Ordinal))
        {
            return AwsError.Unauthorized(TokensMessages.InvalidClientSecret);
        }

        await store.RevokeFamilyAsync(token.FamilyId, clock.GetUtcNow(), ct);
        Log.FamilyRevoked(logger, token.PoolId, token.ClientId);
        return AwsResult.Empty;
    }
}
