using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.UserImport;

/// <summary>
/// StartUserImportJob: a Created job with an uploaded file becomes Pending, and a node's runner takes it. Any other
/// status is PreconditionNotMetException (as is a job with no file yet, or a pool with no auto-verified attribute:
/// "If the user pool has no auto-verified attributes, the import job will not start").
/// </summary>
internal sealed class StartUserImportJob(
    AppDb db, TimeProvider clock, UserImportView view, UserImportRunner runner, ILogger<StartUserImportJob> logger)
    : IAwsHandler<StartUserImportJobRequest>
{
    public async Task<AwsResult> HandleAsync(StartUserImportJobRequest request, CancellationToken ct)
    {
        if (await PoolSettings.LoadAsync(db, request.UserPoolId, ct) is not { } settings)
        {
            return AwsError.ResourceNotFound(UserMessages.PoolNotFound(request.UserPoolId));
        }

        var now = clock.GetUtcNow();
        if (await UserImportJobs.FindAsync(db, settings.Pool.Id, request.JobId, now, ct) is not { } job)
        {
            return AwsError.ResourceNotFound(UserImportMessages.JobNotFound(request.JobId));
        }

        if (job.Status != UserImportStatuses.Created)
        {
            return AwsError.PreconditionNotMet(UserImportMessages.NotCreated(job.JobId, job.Status));
        }

        if (job.UploadId is null)
        {
            return AwsError.PreconditionNotMet(UserImportMessages.NoFile(job.JobId));
        }

        if (settings.Type.AutoVerifiedAttributes is not { Count: > 0 })
        {
            return AwsError.PreconditionNotMet(UserImportMessages.NoAutoVerifiedAttributes);
        }

        job.Status = UserImportStatuses.Pending;
        job.StartedAt = now;
        await db.SaveChangesAsync(ct);
        Log.JobChanged(logger, job.JobId, job.PoolId, job.Status);
        runner.Wake();
        return AwsResult.Ok(new StartUserImportJobResponse { UserImportJob = view.ToType(job) });
    }
}
