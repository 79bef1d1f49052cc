using System.Globalization;
using Gatehouse.Server.Storage;
using Gatehouse.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.ApiTests.Iam;

/// <summary>Reads the IAM tables behind a factory, to show what a request stored or, refused, did not store.</summary>
internal static class IamStore
{
    /// <summary>Row counts, version sums and documents of every IAM table: equal before and after means untouched.</summary>
    public static async Task<string> FingerprintAsync(GatehouseFactory factory)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var roles = await db.IamRoles.AsNoTracking().OrderBy(r => r.RoleId)
            .Select(r => r.RoleId + r.Version + r.AssumeRolePolicyDocument + r.Description + r.MaxSessionDuration)
            .ToListAsync(ct);
        var inline = await db.IamRolePolicies.AsNoTracking().OrderBy(p => p.RoleId).ThenBy(p => p.PolicyName)
            .Select(p => p.RoleId + p.PolicyName + p.Document).ToListAsync(ct);
        var policies = await db.IamPolicies.AsNoTracking().OrderBy(p => p.PolicyId)
            .Select(p => p.PolicyId + p.Version + p.Document).ToListAsync(ct);
        var attachments = await db.IamRolePolicyAttachments.AsNoTracking().OrderBy(a => a.RoleId).ThenBy(a => a.PolicyId)
            .Select(a => a.RoleId + a.PolicyId).ToListAsync(ct);
        var providers = await db.IamOidcProviders.AsNoTracking().OrderBy(p => p.HostPath)
            .Select(p => p.HostPath + p.ClientIds).ToListAsync(ct);
        return string.Join('|', new[] { roles, inline, policies, attachments, providers }
            .Select(list => list.Count.ToString(CultureInfo.InvariantCulture) + ":" + string.Join(',', list)));
    }

    public static async Task<IamRole?> RoleAsync(GatehouseFactory factory, string roleName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var key = roleName.ToLowerInvariant();
        return await db.IamRoles.AsNoTracking().SingleOrDefaultAsync(r => r.NameKey == key,
            TestContext.Current.CancellationToken);
    }
}
