using System.Globalization;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Groups;

/// <summary><c>ListUsersInGroup</c>: the members in the order they were created, in keyset pages.</summary>
internal sealed class ListUsersInGroup(AppDb db) : IAwsHandler<ListUsersInGroupRequest>
{
    public async Task<AwsResult> HandleAsync(ListUsersInGroupRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is null)
        {
            return AwsError.ResourceNotFound(GroupMessages.PoolNotFound(request.UserPoolId));
        }

        if (await GroupLookup.FindGroupAsync(db, request.UserPoolId, request.GroupName, ct) is null)
        {
            return AwsError.ResourceNotFound(GroupMessages.GroupNotFound);
        }

        var afterId = 0L;
        if (request.NextToken is { } token
            && !long.TryParse(
                GroupPaging.Decode(token, GroupPaging.GroupUsersKind, request.UserPoolId, request.GroupName),
                NumberStyles.None, CultureInfo.InvariantCulture, out afterId))
        {
            return AwsError.InvalidParameter(GroupMessages.InvalidNextToken);
        }

        var size = GroupPaging.PageSize(request.Limit);
        var members = db.GroupMemberships
            .Where(m => m.PoolId == request.UserPoolId && m.GroupName == request.GroupName)
            .Select(m => m.UserId);
        var page = await db.Users.AsNoTracking()
            .Where(u => u.PoolId == request.UserPoolId && members.Contains(u.Id) && u.Id > afterId)
            .OrderBy(u => u.Id)
            .Take(size + 1)
            .ToListAsync(ct);
        var more = page.Count > size;
        var users = page.Take(size).ToList();
        return AwsResult.Ok(new ListUsersInGroupResponse
        {
            Users = users.Select(GroupShapes.User).ToList(),
            NextToken = more
                ? GroupPaging.Encode(GroupPaging.GroupUsersKind, request.UserPoolId, request.GroupName,
                    users[^1].Id.ToString(CultureInfo.InvariantCulture))
                : null,
        });
    }
}
