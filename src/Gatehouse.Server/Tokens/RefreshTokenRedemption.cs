using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Tokens;

/// <summary>
/// Turns a refresh token into new tokens, for InitiateAuth REFRESH_TOKEN_AUTH and GetTokensFromRefreshToken.
/// <see cref="ResolveAsync"/> finds the token and its user (so the caller can check the client's secret against
/// that user); <see cref="RedeemAsync"/> applies the user's state and the client's rotation: without rotation
/// no new refresh token is returned; with rotation the token is consumed once (conditional update) and a new one
/// of the same family returned, and a consumed token still works for the client's grace period.
/// </summary>
internal sealed class RefreshTokenRedemption(
    AppDb db, RefreshTokenStore store, SessionTokens tokens, TimeProvider clock, ILogger<RefreshTokenRedemption> logger)
{
    private static readonly Func<AppDb, long, CancellationToken, Task<User?>> UserById =
        EF.CompileAsyncQuery((AppDb db, long id, CancellationToken ct) => db.Users.FirstOrDefault(u => u.Id == id));

    public async Task<(RefreshToken? Token, User? User, AwsError? Error)> ResolveAsync(
        AppClient client, string refreshToken, CancellationToken ct)
    {
        if (!RefreshTokenFormat.LooksLikeRefreshToken(refreshToken)
            || await store.FindAsync(refreshToken, ct) is not { } token
            || !string.Equals(token.ClientId, client.ClientId, StringComparison.Ordinal))
        {
            return (null, null, AwsError.NotAuthorized(TokensMessages.InvalidRefreshToken));
        }

        if (token.RevokedAt is not null || await store.IsFamilyRevokedAsync(token.FamilyId, ct))
        {
            return (null, null, AwsError.NotAuthorized(TokensMessages.RefreshTokenRevoked));
        }

        if (token.ExpiresAt <= clock.GetUtcNow())
        {
            return (null, null, AwsError.NotAuthorized(TokensMessages.RefreshTokenExpired));
        }

        return await UserById(db, token.UserId, ct) is { } user
            ? (token, user, null)
            : (null, null, AwsError.NotAuthorized(TokensMessages.InvalidRefreshToken));
    }

    /// <summary>
    /// New tokens for a resolved token; <paramref name="reuseError"/> is what a rotated-out token past its grace
    /// period gets (it differs per operation). The pre token generation trigger runs before the token is rotated:
    /// when it fails, the refresh token stays as it was.
    /// </summary>
    public async Task<AwsResult> RedeemAsync(
        AppClient client, RefreshToken token, User user, AwsError reuseError,
        IReadOnlyDictionary<string, string>? clientMetadata, CancellationToken ct)
    {
        if (!user.Enabled)
        {
            return AwsError.NotAuthorized(TokensMessages.UserDisabled);
        }

        var (plan, error) = await tokens.PlanRefreshAsync(client, user, token, clientMetadata, ct);
        if (plan is null)
        {
            // PlanRefreshAsync returns a plan or an error.
            return error!;
        }

        var rotation = RefreshTokenRotation.Read(UserPoolSettings.ReadClient(client));
        if (!rotation.Enabled)
        {
            return AwsResult.Ok(await tokens.RefreshAsync(client, user, token, rotate: false, plan, ct));
        }

        var now = clock.GetUtcNow();
        if (token.RotatedAt is null && await store.TryRotateAsync(token.Id, now, ct))
        {
            return AwsResult.Ok(await tokens.RefreshAsync(client, user, token, rotate: true, plan, ct));
        }

        // Someone used it first: only a retry within the grace period still gets tokens.
        var rotatedAt = token.RotatedAt
            ?? await db.RefreshTokens.AsNoTracking().Where(t => t.Id == token.Id)
                .Select(t => t.RotatedAt).FirstOrDefaultAsync(ct);
        if (rotatedAt is { } at && now < at + rotation.GracePeriod)
        {
            return AwsResult.Ok(await tokens.RefreshAsync(client, user, token, rotate: true, plan, ct));
        }

        Log.RefreshTokenReused(logger, client.PoolId, client.ClientId);
        return reuseError;
    }

    /// <summary>The AuthenticationResult of a successful redemption, for the operations that wrap it.</summary>
    public static AuthenticationResultType? ResultOf(AwsResult result) => result.Body as AuthenticationResultType;
}
