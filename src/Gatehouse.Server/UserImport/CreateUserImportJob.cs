using System.Security.Cryptography;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.UserImport;

/// <summary>
/// CreateUserImportJob: a job in Created with a PreSignedUrl (valid 15 minutes) to PUT the CSV to. The
/// CloudWatchLogsRoleArn is required by the model and stored as given (any ARN of the model's pattern): the per-row
/// report goes to the server log and the report endpoint instead of CloudWatch Logs.
/// </summary>
internal sealed class CreateUserImportJob(AppDb db, TimeProvider clock, UserImportView view, ILogger<CreateUserImportJob> logger)
    : IAwsHandler<CreateUserImportJobRequest>
{
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public async Task<AwsResult> HandleAsync(CreateUserImportJobRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(UserMessages.PoolNotFound(request.UserPoolId));
        }

        var now = clock.GetUtcNow();
        var job = new UserImportJob
        {
            // Cognito's job ids look like import-qTVuQ4Ot3i (pattern import-[0-9a-zA-Z-]+).
            JobId = "import-" + RandomNumberGenerator.GetString(IdAlphabet, 10),
            PoolId = pool.Id,
            JobName = request.JobName,
            CloudWatchLogsRoleArn = request.CloudWatchLogsRoleArn,
            Status = UserImportStatuses.Created,
            CreatedAt = now,
            UploadExpiresAt = now + UserImportLimits.UploadUrlLifetime,
        };
        db.UserImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        Log.JobCreated(logger, job.JobId, pool.Id);
        return AwsResult.Ok(new CreateUserImportJobResponse { UserImportJob = view.ToType(job) });
    }
}
