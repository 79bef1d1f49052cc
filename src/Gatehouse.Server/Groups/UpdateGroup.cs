using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;

namespace Gatehouse.Server.Groups;

/// <summary>
/// <c>UpdateGroup</c>: members present in the request replace the stored ones; omitted members keep their value.
/// The API reference says the operation "updates any of the properties for precedence, IAM role, or
/// description", and the AWS CLI example updates description and precedence alone while the role stays.
/// </summary>
internal sealed class UpdateGroup(AppDb db, TimeProvider clock) : IAwsHandler<UpdateGroupRequest>
{
    public async Task<AwsResult> HandleAsync(UpdateGroupRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is null)
        {
            return AwsError.ResourceNotFound(GroupMessages.PoolNotFound(request.UserPoolId));
        }

        if (await GroupLookup.FindGroupAsync(db, request.UserPoolId, request.GroupName, ct) is not { } group)
        {
            return AwsError.ResourceNotFound(GroupMessages.GroupNotFound);
        }

        if (request.Description is not null)
        {
            group.Description = request.Description;
        }

        if (request.RoleArn is not null)
        {
            group.RoleArn = request.RoleArn;
        }

        if (request.Precedence is not null)
        {
            group.Precedence = request.Precedence;
        }

        group.LastModifiedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return AwsResult.Ok(new UpdateGroupResponse { Group = GroupShapes.Group(group) });
    }
}
