using System.Collections.Concurrent;
using Gatehouse.Server.Admin;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Iam;

/// <summary>
/// Finds roles of this account by ARN or by name, through a read-through cache of <see cref="Lifetime"/>
/// (DESIGN.md "Scale-out": short-lived read-through caches). Unknown names are cached too, so a flood of guesses
/// reads the store at most once per name and lifetime. A change on this node is seen at once after
/// <see cref="Forget"/>; on another node within the lifetime. Rows come back untracked: never change and save them.
/// </summary>
internal sealed class RoleDirectory(AppDbFactory dbFactory, TimeProvider clock, IOptions<InstanceOptions> instance)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, Entry> _byName = new(StringComparer.Ordinal);

    public string Account => instance.Value.AccountId;

    /// <summary>The ARN of <paramref name="role"/> in this account.</summary>
    public string ArnOf(IamRole role) => IamArns.Role(Account, role.Path, role.RoleName);

    /// <summary>
    /// The role a role ARN of this account names, or null (another account, not a role ARN, unknown, or a path that
    /// is not the role's: <c>arn:aws:iam::acct:role/a/R</c> does not name <c>/b/R</c>).
    /// </summary>
    public async ValueTask<IamRole?> FindByArnAsync(string arn, CancellationToken ct)
    {
        if (IamArns.RoleName(arn, Account) is not { } name
            || await FindByNameAsync(name, ct) is not { } role)
        {
            return null;
        }

        // Role names are unique regardless of case (NameKey); the path must be the role's own, exactly.
        var expected = ArnOf(role);
        return string.Equals(arn[..^name.Length], expected[..^role.RoleName.Length], StringComparison.Ordinal) ? role : null;
    }

    public async ValueTask<IamRole?> FindByNameAsync(string name, CancellationToken ct)
    {
        var key = name.ToLowerInvariant();
        var now = clock.GetUtcNow();
        if (_byName.TryGetValue(key, out var hit) && hit.Until > now && hit.Until - Lifetime <= now)
        {
            return hit.Role;
        }

        await using var db = dbFactory.Create();
        var role = await db.IamRoles.AsNoTracking().FirstOrDefaultAsync(r => r.NameKey == key, ct);
        if (_byName.Count > MaxEntries)
        {
            _byName.Clear();
        }

        _byName[key] = new Entry(role, now + Lifetime);
        return role;
    }

    /// <summary>Drops the cached entry of a role this node created, changed or deleted.</summary>
    public void Forget(string roleName) => _byName.TryRemove(roleName.ToLowerInvariant(), out _);

    private sealed record Entry(IamRole? Role, DateTimeOffset Until);
}
