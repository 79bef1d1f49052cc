using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Users;

/// <summary>AdminDeleteUser: removes the user (its group memberships go with it).</summary>
internal sealed class AdminDeleteUser(AppDb db, ILogger<AdminDeleteUser> logger) : IAwsHandler<AdminDeleteUserRequest>
{
    public async Task<AwsResult> HandleAsync(AdminDeleteUserRequest request, CancellationToken ct)
    {
        if (await PoolSettings.LoadAsync(db, request.UserPoolId, ct) is not { } settings)
        {
            return AwsError.ResourceNotFound(UserMessages.PoolNotFound(request.UserPoolId));
        }

        if (await UserLookup.FindAsync(db, settings, request.Username, ct) is not { } user)
        {
            return AwsError.UserNotFound(UserMessages.UserDoesNotExist);
        }

        db.Users.Remove(user);
        await db.SaveChangesAsync(ct);
        Log.UserDeleted(logger, settings.Pool.Id, user.Sub);
        return AwsResult.Empty;
    }
}
