using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;

namespace Gatehouse.Server.UserImport;

/// <summary>A stored job as the wire's UserImportJobType; jobs are read through here so that expiry shows at once.</summary>
internal sealed class UserImportView(UserImportUrls urls, PoolIssuer issuer)
{
    public UserImportJobType ToType(UserImportJob job) => new()
    {
        JobName = job.JobName,
        JobId = job.JobId,
        UserPoolId = job.PoolId,
        PreSignedUrl = urls.For(issuer.PublicBaseUrl(), job.JobId, job.UploadExpiresAt),
        CreationDate = job.CreatedAt,
        StartDate = job.StartedAt,
        CompletionDate = job.CompletedAt,
        Status = job.Status,
        CloudWatchLogsRoleArn = job.CloudWatchLogsRoleArn,
        ImportedUsers = job.ImportedUsers,
        SkippedUsers = job.SkippedUsers,
        FailedUsers = job.FailedUsers,
        CompletionMessage = job.CompletionMessage,
    };

    /// <summary>
    /// Marks a Created job Expired once its start window has passed (UserImportJobType: "did not start the job
    /// within 24-48 hours. All data associated with the job was deleted"); the caller saves. True when it changed.
    /// </summary>
    public static bool Expire(UserImportJob job, DateTimeOffset now)
    {
        if (job.Status != UserImportStatuses.Created || now < job.CreatedAt + UserImportLimits.StartWindow)
        {
            return false;
        }

        job.Status = UserImportStatuses.Expired;
        job.CompletedAt = now;
        job.CompletionMessage = UserImportMessages.ExpiredUnstarted;
        job.UploadId = null;
        return true;
    }
}
