using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Groups;

/// <summary><c>ListGroups</c>: the pool's groups by name, in keyset pages (<see cref="GroupPaging"/>).</summary>
internal sealed class ListGroups(AppDb db) : IAwsHandler<ListGroupsRequest>
{
    public async Task<AwsResult> HandleAsync(ListGroupsRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is null)
        {
            return AwsError.ResourceNotFound(GroupMessages.PoolNotFound(request.UserPoolId));
        }

        string? after = null;
        if (request.NextToken is { } token
            && (after = GroupPaging.Decode(token, GroupPaging.GroupsKind, request.UserPoolId, "")) is null)
        {
            return AwsError.InvalidParameter(GroupMessages.InvalidNextToken);
        }

        var size = GroupPaging.PageSize(request.Limit);
        var query = db.Groups.AsNoTracking().Where(g => g.PoolId == request.UserPoolId);
        if (after is not null)
        {
            query = query.Where(g => g.GroupName.CompareTo(after) > 0);
        }

        var page = await query.OrderBy(g => g.GroupName).Take(size + 1).ToListAsync(ct);
        var more = page.Count > size;
        var groups = page.Take(size).ToList();
        return AwsResult.Ok(new ListGroupsResponse
        {
            Groups = groups.Select(GroupShapes.Group).ToList(),
            NextToken = more
                ? GroupPaging.Encode(GroupPaging.GroupsKind, request.UserPoolId, "", groups[^1].GroupName)
                : null,
        });
    }
}
