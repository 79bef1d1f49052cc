using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.Tokens;

/// <summary>AdminUserGlobalSignOut: GlobalSignOut of a user named by an administrator.</summary>
internal sealed class AdminUserGlobalSignOut(
    AppDb db, RefreshTokenStore store, TimeProvider clock, ILogger<AdminUserGlobalSignOut> logger)
    : IAwsHandler<AdminUserGlobalSignOutRequest>
{
    public async Task<AwsResult> HandleAsync(AdminUserGlobalSignOutRequest request, CancellationToken ct)
    {
        if (await PoolSettings.LoadAsync(db, request.UserPoolId, ct) is not { } settings)
        {
            return AwsError.ResourceNotFound(TokensMessages.PoolNotFound(request.UserPoolId));
        }

        if (await UserLookup.FindAsync(db, settings, request.Username, ct) is not { } user)
        {
            return AwsError.UserNotFound(TokensMessages.UserDoesNotExist);
        }

        await store.RevokeUserAsync(user.Id, clock.GetUtcNow(), ct);
        Log.GlobalSignOut(logger, settings.Pool.Id, user.Sub);
        return AwsResult.Empty;
    }
}
