using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;

namespace Gatehouse.Server.Groups;

internal sealed class GetGroup(AppDb db) : IAwsHandler<GetGroupRequest>
{
    public async Task<AwsResult> HandleAsync(GetGroupRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is null)
        {
            return AwsError.ResourceNotFound(GroupMessages.PoolNotFound(request.UserPoolId));
        }

        if (await GroupLookup.FindGroupAsync(db, request.UserPoolId, request.GroupName, ct) is not { } group)
        {
            return AwsError.ResourceNotFound(GroupMessages.GroupNotFound);
        }

        return AwsResult.Ok(new GetGroupResponse { Group = GroupShapes.Group(group) });
    }
}
