using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Groups;

/// <summary><c>AdminRemoveUserFromGroup</c>; removing a user who is not a member succeeds.</summary>
internal sealed class AdminRemoveUserFromGroup(AppDb db) : IAwsHandler<AdminRemoveUserFromGroupRequest>
{
    public async Task<AwsResult> HandleAsync(AdminRemoveUserFromGroupRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(GroupMessages.PoolNotFound(request.UserPoolId));
        }

        if (await GroupLookup.FindGroupAsync(db, pool.Id, request.GroupName, ct) is null)
        {
            return AwsError.ResourceNotFound(GroupMessages.GroupNotFound);
        }

        // An IAM-signed admin operation: a missing user is named (see AdminAddUserToGroup).
        if (await UserLookup.FindAsync(db, PoolSettings.Read(pool), request.Username, ct) is not { } user)
        {
            return AwsError.UserNotFound(GroupMessages.UserNotFound);
        }

        await db.GroupMemberships
            .Where(m => m.PoolId == pool.Id && m.GroupName == request.GroupName && m.UserId == user.Id)
            .ExecuteDeleteAsync(ct);
        return AwsResult.Empty;
    }
}
