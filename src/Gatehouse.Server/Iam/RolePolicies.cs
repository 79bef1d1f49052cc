using System.Collections.Concurrent;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Iam;

/// <summary>
/// A role's identity policies (its inline <see cref="IamRolePolicy"/> rows and the documents of the managed
/// <see cref="IamPolicy"/> attached to it), parsed once and kept by role id for <see cref="Lifetime"/>, so that an
/// authorization decision reads no row on the hot path (DESIGN.md "Scale-out": short-lived read-through caches).
/// Concurrent misses for one role share one read. A stored document that no longer parses (the parser became
/// stricter) is skipped and logged: it grants nothing, as a deny-by-default engine must.
/// </summary>
internal sealed class RolePolicies(AppDbFactory dbFactory, TimeProvider clock, ILogger<RolePolicies> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, Entry> _byRole = new(StringComparer.Ordinal);

    public ValueTask<IReadOnlyList<PolicyDocument>> ForRoleAsync(string roleId, CancellationToken ct)
    {
        var named = NamedForRoleAsync(roleId, ct);
        return named.IsCompletedSuccessfully ? new(named.Result.Documents) : AwaitDocumentsAsync(named);

        static async ValueTask<IReadOnlyList<PolicyDocument>> AwaitDocumentsAsync(ValueTask<RolePolicySet> pending) =>
            (await pending).Documents;
    }

    /// <summary>As <see cref="ForRoleAsync"/>, with each document's policy name (for explanations, never for decisions).</summary>
    public ValueTask<RolePolicySet> NamedForRoleAsync(string roleId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_byRole.TryGetValue(roleId, out var hit) && hit.Until > now && hit.Until - Lifetime <= now)
        {
            return hit.Load.IsCompletedSuccessfully ? new(hit.Load.Result) : new(hit.Load.WaitAsync(ct));
        }

        if (_byRole.Count > MaxEntries)
        {
            _byRole.Clear();
        }

        // The read is not tied to this caller's token: other callers wait on it too.
        var entry = new Entry(LoadAsync(roleId, CancellationToken.None), now + Lifetime);
        var stored = _byRole.AddOrUpdate(roleId, entry, (_, old) => old.Until > now && old.Until - Lifetime <= now ? old : entry);
        if (ReferenceEquals(stored, entry))
        {
            _ = entry.Load.ContinueWith(
                t => _byRole.TryRemove(new KeyValuePair<string, Entry>(roleId, entry)),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }

        return new(stored.Load.WaitAsync(ct));
    }

    /// <summary>Drops the cached policies of a role whose policies this node changed.</summary>
    public void Forget(string roleId) => _byRole.TryRemove(roleId, out _);

    private async Task<RolePolicySet> LoadAsync(string roleId, CancellationToken ct)
    {
        await using var db = dbFactory.Create();
        var inline = await db.IamRolePolicies.AsNoTracking()
            .Where(p => p.RoleId == roleId)
            .OrderBy(p => p.PolicyName)
            .Select(p => new { Name = p.PolicyName, p.Document })
            .ToListAsync(ct);
        var attached = await db.IamRolePolicyAttachments.AsNoTracking()
            .Where(a => a.RoleId == roleId)
            .Join(db.IamPolicies.AsNoTracking(), a => a.PolicyId, p => p.PolicyId, (a, p) => new { Name = p.PolicyName, p.Document })
            .OrderBy(p => p.Name)
            .ToListAsync(ct);
        var documents = new List<PolicyDocument>(inline.Count + attached.Count);
        var names = new List<string>(inline.Count + attached.Count);
        foreach (var policy in inline.Concat(attached))
        {
            if (PolicyDocument.Parse(policy.Document, PolicyKind.Identity, out var error) is { } document)
            {
                documents.Add(document);
                names.Add(policy.Name);
            }
            else
            {
                Log.StoredPolicySkipped(logger, roleId, policy.Name, error ?? "");
            }
        }

        return new RolePolicySet(documents, names);
    }

    private sealed record Entry(Task<RolePolicySet> Load, DateTimeOffset Until);
}
