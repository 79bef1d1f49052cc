using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Iam;

/// <summary>
/// <c>ListRoles</c>: the roles whose path starts with PathPrefix (default <c>/</c>), by lower-cased name, in keyset
/// pages of MaxItems (<see cref="IamMarkers"/>).
/// </summary>
internal sealed class ListRoles(AppDb db, IamMarkers markers, IOptions<InstanceOptions> instance)
    : IAwsHandler<ListRolesRequest>
{
    private const string List = "roles";

    public async Task<AwsResult> HandleAsync(ListRolesRequest request, CancellationToken ct)
    {
        var prefix = request.PathPrefix ?? "/";
        string? after = null;
        if (request.Marker is { } marker && (after = markers.Decode(marker, List, prefix)) is null)
        {
            return AwsError.InvalidParameter(IamMessages.InvalidMarker);
        }

        var size = IamMarkers.PageSize(request.MaxItems);
        var query = db.IamRoles.AsNoTracking().Where(r => r.Path.StartsWith(prefix));
        if (after is not null)
        {
            query = query.Where(r => r.NameKey.CompareTo(after) > 0);
        }

        var page = await query.OrderBy(r => r.NameKey).Take(size + 1).ToListAsync(ct);
        var more = page.Count > size;
        var roles = page.Take(size).ToList();
        return AwsResult.Ok(new ListRolesResponse
        {
            Roles = roles.Select(r => IamViews.Role(r, instance.Value.AccountId, full: false)).ToList(),
            IsTruncated = more,
            Marker = more ? markers.Encode(List, prefix, roles[^1].NameKey) : null,
        });
    }
}
