using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Iam;

/// <summary>
/// <c>ListRolePolicies</c>: the names of a role's inline policies, in keyset pages (<see cref="IamMarkers"/>).
/// </summary>
internal sealed class ListRolePolicies(AppDb db, IamMarkers markers) : IAwsHandler<ListRolePoliciesRequest>
{
    private const string List = "role-policies";

    public async Task<AwsResult> HandleAsync(ListRolePoliciesRequest request, CancellationToken ct)
    {
        if (await IamLookup.FindRoleAsync(db, request.RoleName, ct) is not { } role)
        {
            return AwsError.NoSuchEntity(IamMessages.RoleNotFound(request.RoleName));
        }

        string? after = null;
        if (request.Marker is { } marker && (after = markers.Decode(marker, List, role.RoleId)) is null)
        {
            return AwsError.InvalidParameter(IamMessages.InvalidMarker);
        }

        var size = IamMarkers.PageSize(request.MaxItems);
        var query = db.IamRolePolicies.AsNoTracking().Where(p => p.RoleId == role.RoleId);
        if (after is not null)
        {
            query = query.Where(p => p.PolicyName.CompareTo(after) > 0);
        }

        var page = await query.OrderBy(p => p.PolicyName).Select(p => p.PolicyName).Take(size + 1).ToListAsync(ct);
        var more = page.Count > size;
        var names = page.Take(size).ToList();
        return AwsResult.Ok(new ListRolePoliciesResponse
        {
            PolicyNames = names,
            IsTruncated = more,
            Marker = more ? markers.Encode(List, role.RoleId, names[^1]) : null,
        });
    }
}
