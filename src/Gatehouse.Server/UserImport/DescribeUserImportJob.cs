using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.UserImport;

/// <summary>DescribeUserImportJob: the job with its status and counts, which the runner updates with every batch.</summary>
internal sealed class DescribeUserImportJob(AppDb db, TimeProvider clock, UserImportView view)
    : IAwsHandler<DescribeUserImportJobRequest>
{
    public async Task<AwsResult> HandleAsync(DescribeUserImportJobRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(UserMessages.PoolNotFound(request.UserPoolId));
        }

        if (await UserImportJobs.FindAsync(db, pool.Id, request.JobId, clock.GetUtcNow(), ct) is not { } job)
        {
            return AwsError.ResourceNotFound(UserImportMessages.JobNotFound(request.JobId));
        }

        return AwsResult.Ok(new DescribeUserImportJobResponse { UserImportJob = view.ToType(job) });
    }
}
