using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Groups;

/// <summary>Finds the group an operation names; pools and users are found by their own features' lookups.</summary>
internal static class GroupLookup
{
    public static Task<Group?> FindGroupAsync(AppDb db, string poolId, string groupName, CancellationToken ct) =>
        db.Groups.FirstOrDefaultAsync(g => g.PoolId == poolId && g.GroupName == groupName, ct);
}
