using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.UserImport;

/// <summary>Loading jobs for the operations: by pool and job id, expired on read, the expired file dropped.</summary>
internal static class UserImportJobs
{
    public static async Task<UserImportJob?> FindAsync(
        AppDb db, string poolId, string jobId, DateTimeOffset now, CancellationToken ct)
    {
        var job = await db.UserImportJobs.SingleOrDefaultAsync(j => j.PoolId == poolId && j.JobId == jobId, ct);
        if (job is not null && UserImportView.Expire(job, now))
        {
            await db.SaveChangesAsync(ct);
            await db.UserImportChunks.Where(c => c.JobKey == job.Id).ExecuteDeleteAsync(ct);
        }

        return job;
    }

    /// <summary>Whether a job of the pool is running (Pending, InProgress or Stopping): UserImportInProgressException.</summary>
    public static Task<bool> InProgressAsync(AppDb db, string poolId, CancellationToken ct) =>
        db.UserImportJobs.AnyAsync(j => j.PoolId == poolId && UserImportStatuses.Active.Contains(j.Status), ct);
}
