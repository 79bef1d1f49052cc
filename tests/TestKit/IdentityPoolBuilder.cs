using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.Server.IdentityPools;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.TestKit;

/// <summary>
/// Identity pools over the API (with a cognito-identity client, <see cref="AwsApiClient.ForIdentityPools"/>), and
/// identities with their logins straight in the store, for tests of operations that do not create them.
/// </summary>
public static class IdentityPoolBuilder
{
    public static string UniqueName(string prefix = "idpool") => $"{prefix}-{Guid.NewGuid():N}"[..24];

    /// <summary>CreateIdentityPool with <paramref name="settings"/> (name and guest access filled in when absent).</summary>
    public static async Task<JsonObject> CreateIdentityPoolAsync(this AwsApiClient client, JsonObject? settings = null)
    {
        settings ??= [];
        settings["IdentityPoolName"] ??= UniqueName();
        settings["AllowUnauthenticatedIdentities"] ??= false;
        var response = await client.SendAsync("CreateIdentityPool", settings.ToJsonString());
        if (response.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"CreateIdentityPool failed: {response.Text}");
        }

        return response.Body;
    }

    public static async Task<string> CreateIdentityPoolIdAsync(this AwsApiClient client, JsonObject? settings = null) =>
        (await client.CreateIdentityPoolAsync(settings))["IdentityPoolId"]?.GetValue<string>()
            ?? throw new InvalidOperationException("No IdentityPoolId.");

    /// <summary>An identity of <paramref name="poolId"/> with <paramref name="logins"/> (none: a guest identity).</summary>
    internal static async Task<Identity> AddIdentityAsync(
        GatehouseFactory factory, string poolId, params (string Provider, string Subject)[] logins)
    {
        var now = factory.Clock.GetUtcNow();
        var identity = new Identity
        {
            Id = IdentityPoolIds.NewIdentityId("us-east-1"),
            PoolId = poolId,
            CreatedAt = now,
            LastModifiedAt = now,
        };
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.Identities.Add(identity);
        foreach (var (provider, subject) in logins)
        {
            db.IdentityLogins.Add(new IdentityLogin
            {
                PoolId = poolId,
                Provider = provider,
                Subject = subject,
                IdentityId = identity.Id,
                LinkedAt = now,
            });
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return identity;
    }

    /// <summary>Many identity pools at once, straight in the store, for quota tests.</summary>
    internal static async Task AddPoolsAsync(GatehouseFactory factory, int count)
    {
        var now = factory.Clock.GetUtcNow();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < count; i++)
        {
            db.IdentityPools.Add(new IdentityPoolRecord
            {
                Id = IdentityPoolIds.NewPoolId("us-east-1"),
                Name = "bulk" + i.ToString(CultureInfo.InvariantCulture),
                CreatedAt = now,
                LastModifiedAt = now,
            });
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The logins of an identity as stored, by provider and subject.</summary>
    internal static async Task<List<IdentityLogin>> LoginsAsync(GatehouseFactory factory, string identityId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        return await db.IdentityLogins.AsNoTracking().Where(l => l.IdentityId == identityId)
            .OrderBy(l => l.Provider).ThenBy(l => l.Subject).ToListAsync(TestContext.Current.CancellationToken);
    }

    internal static async Task<bool> IdentityExistsAsync(GatehouseFactory factory, string identityId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        return await db.Identities.AnyAsync(i => i.Id == identityId, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// A summary of the identity-pool and IAM tables (counts, version sums, latest changes and the JSON columns' total
    /// length), to show that a refused request stored nothing.
    /// </summary>
    internal static async Task<string> FingerprintAsync(GatehouseFactory factory)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var pools = await db.IdentityPools.AsNoTracking().ToListAsync(ct);
        var parts = new object?[]
        {
            pools.Count,
            pools.Sum(p => p.Version),
            pools.Max(p => (DateTimeOffset?)p.LastModifiedAt),
            pools.Sum(p => p.Name.Length + p.Providers.Length + p.Roles.Length + p.RoleMappings.Length
                + p.PrincipalTags.Length + p.Tags.Length + (p.DeveloperProviderName?.Length ?? 0)),
            await db.Identities.CountAsync(ct),
            await db.Identities.SumAsync(i => i.Version, ct),
            await db.IdentityLogins.CountAsync(ct),
            await db.IamRoles.CountAsync(ct),
            await db.IamRolePolicies.CountAsync(ct),
        };
        return string.Join('|', parts.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture)));
    }
}
