using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Groups;

/// <summary><c>AdminListGroupsForUser</c>: the user's groups by name, in keyset pages.</summary>
internal sealed class AdminListGroupsForUser(AppDb db) : IAwsHandler<AdminListGroupsForUserRequest>
{
    public async Task<AwsResult> HandleAsync(AdminListGroupsForUserRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(GroupMessages.PoolNotFound(request.UserPoolId));
        }

        // An IAM-signed admin operation: a missing user is named (see AdminAddUserToGroup).
        if (await UserLookup.FindAsync(db, PoolSettings.Read(pool), request.Username, ct) is not { } user)
        {
            return AwsError.UserNotFound(GroupMessages.UserNotFound);
        }

        string? after = null;
        if (request.NextToken is { } token
            && (after = GroupPaging.Decode(token, GroupPaging.UserGroupsKind, pool.Id, user.Sub)) is null)
        {
            return AwsError.InvalidParameter(GroupMessages.InvalidNextToken);
        }

        var size = GroupPaging.PageSize(request.Limit);
        var names = db.GroupMemberships.Where(m => m.PoolId == pool.Id && m.UserId == user.Id)
            .Select(m => m.GroupName);
        var query = db.Groups.AsNoTracking().Where(g => g.PoolId == pool.Id && names.Contains(g.GroupName));
        if (after is not null)
        {
            query = query.Where(g => g.GroupName.CompareTo(after) > 0);
        }

        var page = await query.OrderBy(g => g.GroupName).Take(size + 1).ToListAsync(ct);
        var more = page.Count > size;
        var groups = page.Take(size).ToList();
        return AwsResult.Ok(new AdminListGroupsForUserResponse
        {
            Groups = groups.Select(GroupShapes.Group).ToList(),
            NextToken = more
                ? GroupPaging.Encode(GroupPaging.UserGroupsKind, pool.Id, user.Sub, groups[^1].GroupName)
                : null,
        });
    }
}
