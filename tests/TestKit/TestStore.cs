using System.Globalization;
using System.Security.Cryptography;
using Gatehouse.Server.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.TestKit;

/// <summary>
/// Puts rows straight into a factory's store, for tests of features that need pools and users without going
/// through the operations that create them.
/// </summary>
internal static class TestStore
{
    /// <summary>A pool with an AWS-shaped id; <paramref name="settings"/> is its stored UserPoolType JSON.</summary>
    public static async Task<UserPool> CreatePoolAsync(GatehouseFactory factory, string settings = "{}")
    {
        var now = factory.Clock.GetUtcNow();
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var id = "us-east-1_" + RandomNumberGenerator.GetString(alphabet, 9);
        var pool = new UserPool
        {
            Id = id,
            Name = "pool-" + id,
            CreatedAt = now,
            LastModifiedAt = now,
            Settings = settings,
        };
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.UserPools.Add(pool);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return pool;
    }

    /// <summary>
    /// A user; <paramref name="usernameKey"/> defaults to the username as given (a case-sensitive pool) and
    /// <paramref name="attributes"/> is the stored attribute JSON object.
    /// </summary>
    public static async Task<User> CreateUserAsync(
        GatehouseFactory factory,
        string poolId,
        string username,
        string? usernameKey = null,
        string attributes = "{}",
        string status = "CONFIRMED",
        bool enabled = true)
    {
        var now = factory.Clock.GetUtcNow();
        var user = new User
        {
            PoolId = poolId,
            Username = username,
            UsernameKey = usernameKey ?? username,
            Sub = Guid.NewGuid().ToString(),
            Status = status,
            Enabled = enabled,
            CreatedAt = now,
            LastModifiedAt = now,
            Attributes = attributes,
        };
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.Users.Add(user);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return user;
    }

    /// <summary>Many groups at once (<c>g00000</c>, <c>g00001</c>, ...), for quota and paging tests.</summary>
    public static async Task CreateGroupsAsync(GatehouseFactory factory, string poolId, int count)
    {
        var now = factory.Clock.GetUtcNow();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < count; i++)
        {
            db.Groups.Add(new Group
            {
                PoolId = poolId,
                GroupName = "g" + i.ToString("D5", CultureInfo.InvariantCulture),
                CreatedAt = now,
                LastModifiedAt = now,
            });
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
