using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.UserImport;

/// <summary>
/// StopUserImportJob: a Pending job no node has taken yet is Stopped at once; a running one (Pending once claimed, or
/// InProgress) becomes Stopping, and its node makes it Stopped before its next batch (the users of committed batches
/// stay). Any other status is PreconditionNotMetException.
/// </summary>
internal sealed class StopUserImportJob(AppDb db, TimeProvider clock, UserImportView view, ILogger<StopUserImportJob> logger)
    : IAwsHandler<StopUserImportJobRequest>
{
    public async Task<AwsResult> HandleAsync(StopUserImportJobRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(UserMessages.PoolNotFound(request.UserPoolId));
        }

        var now = clock.GetUtcNow();
        if (await UserImportJobs.FindAsync(db, pool.Id, request.JobId, now, ct) is not { } job)
        {
            return AwsError.ResourceNotFound(UserImportMessages.JobNotFound(request.JobId));
        }

        if (job.Status is not (UserImportStatuses.Pending or UserImportStatuses.InProgress))
        {
            return AwsError.PreconditionNotMet(UserImportMessages.NotRunning(job.JobId, job.Status));
        }

        // Conditional updates, so that a node claiming the job at the same moment and this request agree.
        var stoppedUnclaimed = await db.UserImportJobs
            .Where(j => j.Id == job.Id && j.Status == UserImportStatuses.Pending && j.LeaseOwner == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, UserImportStatuses.Stopped)
                .SetProperty(j => j.CompletedAt, now)
                .SetProperty(j => j.CompletionMessage, UserImportMessages.StoppedByRequest), ct);
        if (stoppedUnclaimed == 0)
        {
            await db.UserImportJobs
                .Where(j => j.Id == job.Id
                    && (j.Status == UserImportStatuses.Pending || j.Status == UserImportStatuses.InProgress))
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, UserImportStatuses.Stopping), ct);
        }
        else
        {
            await db.UserImportChunks.Where(c => c.JobKey == job.Id).ExecuteDeleteAsync(ct);
        }

        await db.Entry(job).ReloadAsync(ct);
        Log.JobChanged(logger, job.JobId, job.PoolId, job.Status);
        return AwsResult.Ok(new StopUserImportJobResponse { UserImportJob = view.ToType(job) });
    }
}
