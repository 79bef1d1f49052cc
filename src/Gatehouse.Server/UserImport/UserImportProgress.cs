using Gatehouse.Server.Storage;

namespace Gatehouse.Server.UserImport;

/// <summary>A run's running totals (from the job's stored counts), for the progress line in the log.</summary>
internal sealed class UserImportProgress(UserImportJob job, DateTimeOffset startedAt)
{
    public long Rows { get; private set; } = job.RowOffset;

    public long Imported { get; private set; } = job.ImportedUsers;

    public long Skipped { get; private set; } = job.SkippedUsers;

    public long Failed { get; private set; } = job.FailedUsers;

    public DateTimeOffset LoggedAt { get; set; } = startedAt;

    public void Add(UserImportBatch.Totals totals, long lastRow)
    {
        Rows = lastRow;
        Imported += totals.Imported;
        Skipped += totals.Skipped;
        Failed += totals.Failed;
    }
}
