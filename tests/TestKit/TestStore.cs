using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.TestKit;

/// <summary>Reads the store behind a factory: the dev outbox and stored users.</summary>
internal static class TestStore
{
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
