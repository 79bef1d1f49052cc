using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.UserPools;

/// <summary>
/// Keeps each pool's EstimatedNumberOfUsers fresh off the request path: every <see cref="Tick"/>, the pools whose
/// count is older than <see cref="MaxAge"/> (a few at a time, oldest first) are counted on the
/// (PoolId, Id) index and the result stored without touching the pool's version. Every node may run it; the
/// writes are idempotent.
/// </summary>
internal sealed class UserCountRefresher(AppDbFactory dbFactory, TimeProvider clock, ILogger<UserCountRefresher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private const int PoolsPerTick = 20;

    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var db = dbFactory.Create();
        var staleBefore = clock.GetUtcNow() - MaxAge;
        var pools = await db.UserPools.AsNoTracking()
            .Where(p => p.EstimatedUsersAt == null || p.EstimatedUsersAt < staleBefore)
            .OrderBy(p => p.EstimatedUsersAt).Select(p => p.Id).Take(PoolsPerTick).ToListAsync(ct);
        foreach (var poolId in pools)
        {
            var count = await db.Users.CountAsync(u => u.PoolId == poolId, ct);
            var now = clock.GetUtcNow();
            await db.UserPools.Where(p => p.Id == poolId).ExecuteUpdateAsync(
                set => set.SetProperty(p => p.EstimatedUsers, count).SetProperty(p => p.EstimatedUsersAt, now), ct);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // A failed count only leaves an estimate stale; the next tick tries again.
                Log.UserCountFailed(logger, ex);
            }
        }
    }
}
