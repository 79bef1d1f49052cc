namespace Gatehouse.Server.Storage;

/// <summary>
/// A CSV user-import job (<c>UserImport/</c>): Cognito's UserImportJobType plus what the runner needs to resume on
/// any node. <see cref="UploadId"/> names the set of <see cref="UserImportChunk"/> rows that hold the uploaded file
/// (null until a PUT completes). <see cref="RowOffset"/> is how many data rows of the file are settled (imported,
/// skipped or failed, committed with their counts in one transaction), so a resumed run starts after them.
/// <see cref="LeaseOwner"/>/<see cref="LeaseExpiresAt"/> is the lease of the node running the job, claimed and
/// renewed with conditional updates and taken over by another node once it lapses.
/// </summary>
internal sealed class UserImportJob
{
    public long Id { get; set; }

    public required string JobId { get; set; }

    public required string PoolId { get; set; }

    public required string JobName { get; set; }

    public required string CloudWatchLogsRoleArn { get; set; }

    public required string Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UploadExpiresAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? UploadId { get; set; }

    public long UploadBytes { get; set; }

    public long RowOffset { get; set; }

    public long ImportedUsers { get; set; }

    public long SkippedUsers { get; set; }

    public long FailedUsers { get; set; }

    public string? CompletionMessage { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }
}
