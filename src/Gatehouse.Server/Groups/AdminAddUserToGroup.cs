using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Groups;

/// <summary><c>AdminAddUserToGroup</c>; adding a member again succeeds and changes nothing.</summary>
internal sealed class AdminAddUserToGroup(AppDb db, TimeProvider clock) : IAwsHandler<AdminAddUserToGroupRequest>
{
    public async Task<AwsResult> HandleAsync(AdminAddUserToGroupRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(GroupMessages.PoolNotFound(request.UserPoolId));
        }

        if (await GroupLookup.FindGroupAsync(db, pool.Id, request.GroupName, ct) is null)
        {
            return AwsError.ResourceNotFound(GroupMessages.GroupNotFound);
        }

        // An IAM-signed admin operation: Cognito names a missing user here whatever the pool's
        // PreventUserExistenceErrors (that setting covers the client-facing operations only).
        if (await UserLookup.FindAsync(db, PoolSettings.Read(pool), request.Username, ct) is not { } user)
        {
            return AwsError.UserNotFound(GroupMessages.UserNotFound);
        }

        var isMember = await db.GroupMemberships.AnyAsync(
            m => m.PoolId == pool.Id && m.GroupName == request.GroupName && m.UserId == user.Id, ct);
        if (isMember)
        {
            return AwsResult.Empty;
        }

        db.GroupMemberships.Add(new GroupMembership
        {
            PoolId = pool.Id,
            GroupName = request.GroupName,
            UserId = user.Id,
            AddedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // A concurrent add of the same membership: the user is a member, which is what was asked.
        }

        return AwsResult.Empty;
    }
}
