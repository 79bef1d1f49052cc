using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Groups;

/// <summary>
/// <c>CreateGroup</c>. Name length and pattern, RoleArn pattern and Precedence ≥ 0 are checked by the model.
/// </summary>
internal sealed class CreateGroup(AppDb db, TimeProvider clock) : IAwsHandler<CreateGroupRequest>
{
    /// <summary>Cognito's quota "Groups per user pool" (Amazon Cognito quotas page).</summary>
    public const int MaxGroupsPerPool = 10_000;

    public async Task<AwsResult> HandleAsync(CreateGroupRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is null)
        {
            return AwsError.ResourceNotFound(GroupMessages.PoolNotFound(request.UserPoolId));
        }

        if (await GroupLookup.FindGroupAsync(db, request.UserPoolId, request.GroupName, ct) is not null)
        {
            return AwsError.GroupExists(GroupMessages.GroupExists(request.GroupName));
        }

        if (await db.Groups.CountAsync(g => g.PoolId == request.UserPoolId, ct) >= MaxGroupsPerPool)
        {
            return AwsError.LimitExceeded(GroupMessages.GroupLimit(MaxGroupsPerPool));
        }

        var now = clock.GetUtcNow();
        var group = new Group
        {
            PoolId = request.UserPoolId,
            GroupName = request.GroupName,
            Description = request.Description,
            RoleArn = request.RoleArn,
            Precedence = request.Precedence,
            CreatedAt = now,
            LastModifiedAt = now,
        };
        db.Groups.Add(group);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // A concurrent CreateGroup of the same name won the race.
            return AwsError.GroupExists(GroupMessages.GroupExists(request.GroupName));
        }

        return AwsResult.Ok(new CreateGroupResponse { Group = GroupShapes.Group(group) });
    }
}
