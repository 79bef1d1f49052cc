using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Users;

/// <summary>AdminEnableUser: lets the user sign in again.</summary>
internal sealed class AdminEnableUser(AppDb db, TimeProvider clock) : IAwsHandler<AdminEnableUserRequest>
{
    public async Task<AwsResult> HandleAsync(AdminEnableUserRequest request, CancellationToken ct)
    {
        if (await PoolSettings.LoadAsync(db, request.UserPoolId, ct) is not { } settings)
        {
            return AwsError.ResourceNotFound(UserMessages.PoolNotFound(request.UserPoolId));
        }

        if (await UserLookup.FindAsync(db, settings, request.Username, ct) is not { } user)
        {
            return AwsError.UserNotFound(UserMessages.UserDoesNotExist);
        }

        user.Enabled = true;
        user.LastModifiedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return AwsResult.Empty;
    }
}
