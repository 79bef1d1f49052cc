using System.Globalization;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.TestKit;

/// <summary>
/// A summary of everything stored (row counts, latest modification, version sums), to show that a rejected
/// request changed nothing.
/// </summary>
public static class StoreFingerprint
{
    public static async Task<string> TakeAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var parts = new object?[]
        {
            await db.UserPools.CountAsync(ct),
            await db.UserPools.SumAsync(p => p.Version, ct),
            await db.UserPools.MaxAsync(p => (DateTimeOffset?)p.LastModifiedAt, ct),
            await db.AppClients.CountAsync(ct),
            await db.AppClients.MaxAsync(c => (DateTimeOffset?)c.LastModifiedAt, ct),
            await db.Users.CountAsync(ct),
            await db.Users.SumAsync(u => u.Version, ct),
            await db.Users.MaxAsync(u => (DateTimeOffset?)u.LastModifiedAt, ct),
            await db.Groups.CountAsync(ct),
            await db.Groups.MaxAsync(g => (DateTimeOffset?)g.LastModifiedAt, ct),
            await db.GroupMemberships.CountAsync(ct),
            await db.OutboxMessages.CountAsync(ct),
            await db.IdentityPools.CountAsync(ct),
            await db.IdentityPools.SumAsync(p => p.Version, ct),
            await db.Identities.CountAsync(ct),
            await db.IdentityLogins.CountAsync(ct),
            await db.IamRoles.CountAsync(ct),
            await db.IamRoles.SumAsync(r => r.Version, ct),
            await db.IamRolePolicies.CountAsync(ct),
            await db.IamPolicies.CountAsync(ct),
            await db.IamRolePolicyAttachments.CountAsync(ct),
            await db.IamOidcProviders.CountAsync(ct),
            await db.StsSessions.CountAsync(ct),
        };
        return string.Join('|', parts.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture)));
    }
}
