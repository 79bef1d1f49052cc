using System.Globalization;
using System.Security.Cryptography;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.TestKit;

/// <summary>
/// Reaches the store behind a factory: puts pools, users and groups in directly (for tests that need them without
/// the operations that create them) and reads the dev outbox and stored users back.
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

    /// <summary>The messages sent to <paramref name="destination"/>, oldest first.</summary>
    public static async Task<List<OutboxMessage>> OutboxAsync(GatehouseFactory factory, string destination)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Destination == destination).OrderBy(m => m.Id)
            .ToListAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<List<OutboxMessage>> OutboxOfPoolAsync(GatehouseFactory factory, string poolId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.PoolId == poolId).OrderBy(m => m.Id)
            .ToListAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<User> UserAsync(GatehouseFactory factory, string poolId, string username)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        return await db.Users.AsNoTracking().SingleAsync(u => u.PoolId == poolId && u.Username == username,
            TestContext.Current.CancellationToken);
    }

    public static string UnprotectVerifier(GatehouseFactory factory, User user) =>
        factory.Services.GetRequiredService<SecretProtector>()
            .Unprotect("srp-verifier", user.PasswordVerifierProtected ?? "");

    /// <summary>Puts a user in a status no admin operation sets (UNCONFIRMED comes from SignUp).</summary>
    public static async Task SetStatusAsync(GatehouseFactory factory, string poolId, string username, string status)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var user = await db.Users.SingleAsync(u => u.PoolId == poolId && u.Username == username,
            TestContext.Current.CancellationToken);
        user.Status = status;
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
