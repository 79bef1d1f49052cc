using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Groups;

/// <summary><c>DeleteGroup</c>: the group and every membership of it go in one transaction.</summary>
internal sealed class DeleteGroup(AppDb db) : IAwsHandler<DeleteGroupRequest>
{
    public async Task<AwsResult> HandleAsync(DeleteGroupRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is null)
        {
            return AwsError.ResourceNotFound(GroupMessages.PoolNotFound(request.UserPoolId));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.GroupMemberships
            .Where(m => m.PoolId == request.UserPoolId && m.GroupName == request.GroupName)
            .ExecuteDeleteAsync(ct);
        var deleted = await db.Groups
            .Where(g => g.PoolId == request.UserPoolId && g.GroupName == request.GroupName)
            .ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            return AwsError.ResourceNotFound(GroupMessages.GroupNotFound);
        }

        await transaction.CommitAsync(ct);
        return AwsResult.Empty;
    }
}
