using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Tokens;

/// <summary>
/// GlobalSignOut: the caller (by access token) revokes every refresh token it holds, and so every access token
/// issued before now, which then answer "Access Token has been revoked".
/// </summary>
internal sealed class GlobalSignOut(
    AccessTokenAuthenticator authenticator, RefreshTokenStore store, TimeProvider clock, ILogger<GlobalSignOut> logger)
    : IAwsHandler<GlobalSignOutRequest>
{
    public async Task<AwsResult> HandleAsync(GlobalSignOutRequest request, CancellationToken ct)
    {
        var (caller, error) = await authenticator.AuthenticateAsync(request.AccessToken, ct);
        if (caller is null)
        {
            // AuthenticateAsync returns an error whenever it returns no caller.
            return error!;
        }

        await store.RevokeUserAsync(caller.User.Id, clock.GetUtcNow(), ct);
        Log.GlobalSignOut(logger, caller.Pool.Id, caller.User.Sub);
        return AwsResult.Empty;
    }
}
