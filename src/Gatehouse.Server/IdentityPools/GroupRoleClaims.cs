using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// Cognito's role claims of a user-pool ID token: <c>cognito:roles</c>, the RoleArns of the user's groups, and
/// <c>cognito:preferred_role</c>, the role of the group with the lowest Precedence when exactly one group holds it
/// (developer guide, "Adding groups to a user pool": "If there are multiple groups with the same lowest precedence
/// value, the cognito:preferred_role claim isn't included"). This server's ID tokens do not carry them, so role
/// mapping of type Token reads them from the user's groups when the token is verified.
/// </summary>
internal static class GroupRoleClaims
{
    public const string Roles = "cognito:roles";
    public const string PreferredRole = "cognito:preferred_role";

    public static async Task AddAsync(
        AppDb db, User user, Dictionary<string, IReadOnlyList<string>> claims, CancellationToken ct)
    {
        var groups = await (
            from m in db.GroupMemberships.AsNoTracking()
            join g in db.Groups.AsNoTracking() on new { m.PoolId, m.GroupName } equals new { g.PoolId, g.GroupName }
            where m.PoolId == user.PoolId && m.UserId == user.Id && g.RoleArn != null
            select new { g.RoleArn, g.Precedence }).ToListAsync(ct);
        if (groups.Count == 0)
        {
            return;
        }

        // RoleArn is not null: the query selects only groups with a role.
        claims[Roles] = groups.Select(g => g.RoleArn!).Distinct(StringComparer.Ordinal).ToList();
        // A group without a Precedence ranks last.
        var ranked = groups.OrderBy(g => g.Precedence ?? int.MaxValue).ToList();
        if (ranked.Count == 1 || (ranked[1].Precedence ?? int.MaxValue) != (ranked[0].Precedence ?? int.MaxValue))
        {
            claims[PreferredRole] = [ranked[0].RoleArn!];
        }
    }
}
