using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.UserImport;

/// <summary>
/// Runs import jobs on whichever node gets them first. A job is claimed with a conditional update of its lease
/// (free, or lapsed: the node that held it stopped renewing), renewed with every batch, and released when the job
/// ends; a node that loses its lease stops at once, and the next holder resumes at the job's stored row offset.
/// StartUserImportJob wakes the runner of its own node; the others find the job at their next poll.
/// </summary>
internal sealed class UserImportRunner(
    AppDbFactory dbs, TimeProvider clock, IOptions<UserImportOptions> options, ILogger<UserImportRunner> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>This node's owner id in the lease column.</summary>
    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // A parallel Wake released it between the check and the release: it is awake either way.
            }
        }
    }

    /// <summary>
    /// Claims one runnable job and runs it to its end (or, with <paramref name="batchLimit"/>, for that many batches,
    /// then returns holding the lease, as a node that died would: the test seam for taking over). Returns whether a
    /// job was claimed.
    /// </summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct, int? batchLimit = null)
    {
        if (await ClaimAsync(ct) is not { } lease)
        {
            return false;
        }

        var run = new UserImportJobRun(dbs, clock, options.Value, lease, logger);
        await run.RunAsync(batchLimit, ct);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOnceAsync(stoppingToken))
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The runner's top level: a failed store or a bug is logged and retried at the next poll; the job
                // keeps its lease until it lapses, then resumes from its last committed batch.
                Log.RunnerFailed(logger, e);
            }

            await WaitAsync(stoppingToken);
        }
    }

    private async Task WaitAsync(CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var poll = Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), clock, linked.Token);
        var wake = _wake.WaitAsync(linked.Token);
        await Task.WhenAny(poll, wake);
        await linked.CancelAsync();
    }

    private async Task<UserImportLease?> ClaimAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var duration = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        await using var db = dbs.Create();
        var runnable = await db.UserImportJobs.AsNoTracking()
            .Where(j => UserImportStatuses.Active.Contains(j.Status) && (j.LeaseOwner == null || j.LeaseExpiresAt < now))
            .OrderBy(j => j.Id)
            .Select(j => new { j.Id, j.JobId, j.PoolId })
            .Take(8)
            .ToListAsync(ct);
        foreach (var job in runnable)
        {
            var claimed = await db.UserImportJobs
                .Where(j => j.Id == job.Id && UserImportStatuses.Active.Contains(j.Status)
                    && (j.LeaseOwner == null || j.LeaseExpiresAt < now))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.LeaseOwner, NodeId)
                    .SetProperty(j => j.LeaseExpiresAt, now + duration)
                    .SetProperty(j => j.Status, j => j.Status == UserImportStatuses.Pending
                        ? UserImportStatuses.InProgress
                        : j.Status), ct);
            if (claimed == 1)
            {
                Log.JobClaimed(logger, job.JobId, job.PoolId, NodeId);
                return new UserImportLease(job.Id, job.JobId, job.PoolId, NodeId, duration);
            }
        }

        return null;
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
