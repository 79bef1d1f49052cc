using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;

namespace Gatehouse.Server.UserImport;

/// <summary>
/// One node's run of one claimed job: check the file's header against the pool and its size (on the first run),
/// then read the rows after the stored offset, in batches (<see cref="UserImportBatch"/>), until the file ends, the
/// job is stopped, or the lease is lost. The CSV is parsed with Sep (nietras.SeparatedValues): maintained, streaming
/// from any <see cref="Stream"/>, asynchronous, and the fastest .NET parser, which the 500,000-user target needs.
/// Quotes are RFC 4180 (a field in double quotes may hold commas, line breaks and doubled quotes); a row whose field
/// count differs from the header's (a broken quote runs on) fails that row. Cognito's own escape, a backslash before a
/// comma inside a value, is undone after Sep splits the row (<see cref="UserImportEscapes"/>).
/// </summary>
internal sealed class UserImportJobRun(
    AppDbFactory dbs, TimeProvider clock, UserImportOptions options, UserImportLease lease, ILogger logger)
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);

    public async Task RunAsync(int? batchLimit, CancellationToken ct)
    {
        await using var db = dbs.Create();
        var job = await db.UserImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == lease.JobKey, ct);
        var pool = await db.FindPoolAsync(lease.PoolId, ct);
        if (job is null || pool is null)
        {
            return; // Deleted with its pool while claimed.
        }

        if (job.Status == UserImportStatuses.Stopping)
        {
            await FinishAsync(UserImportStatuses.Stopped, UserImportMessages.StoppedByRequest, ct);
            return;
        }

        if (job.UploadId is not { } uploadId)
        {
            await FinishAsync(UserImportStatuses.Failed, UserImportMessages.NoFile(job.JobId), ct);
            return;
        }

        var settings = PoolSettings.Read(pool);
        try
        {
            if (job.RowOffset == 0 && await CheckFileAsync(db, settings, uploadId, ct) is { } problem)
            {
                await FinishAsync(UserImportStatuses.Failed, problem, ct);
                return;
            }

            await ImportAsync(db, settings, job, uploadId, batchLimit, ct);
        }
        catch (InvalidDataException e)
        {
            // Sep refuses input it cannot split into rows; the job fails cleanly with what was committed so far.
            await FinishAsync(UserImportStatuses.Failed, UserImportMessages.Unreadable(e.Message), ct);
        }
    }

    /// <summary>The header and the user count of the whole file, before any user is written; null when both pass.</summary>
    private async Task<string?> CheckFileAsync(AppDb db, PoolSettings settings, string uploadId, CancellationToken ct)
    {
        await using var stream = new UserImportChunkStream(db, lease.JobKey, uploadId);
        using var reader = await OpenAsync(stream, ct);
        long rows = -1;
        string? problem = null;
        await foreach (var row in reader.EnumerateAsync(ToRow).WithCancellation(ct))
        {
            if (rows == -1)
            {
                problem = UserImportHeader.Check(settings, row.Fields).Problem is { } p
                    ? UserImportMessages.HeaderMismatch(p)
                    : null;
                if (problem is not null)
                {
                    return problem;
                }
            }

            rows++;
        }

        return rows switch
        {
            -1 => UserImportMessages.EmptyFile,
            > UserImportLimits.MaxUsers => UserImportMessages.TooManyUsers(UserImportLimits.MaxUsers),
            _ => null,
        };
    }

    private async Task ImportAsync(
        AppDb db, PoolSettings settings, UserImportJob job, string uploadId, int? batchLimit, CancellationToken ct)
    {
        await using var stream = new UserImportChunkStream(db, lease.JobKey, uploadId);
        using var reader = await OpenAsync(stream, ct);
        UserImportHeader? header = null;
        var batch = new List<UserImportCandidate>(options.BatchSize);
        var progress = new UserImportProgress(job, clock.GetUtcNow());
        var batches = 0;
        await foreach (var row in reader.EnumerateAsync(ToRow).WithCancellation(ct))
        {
            if (header is null)
            {
                // Checked on the first run; a file cannot change after StartUserImportJob.
                header = UserImportHeader.Check(settings, row.Fields).Header
                    ?? throw new InvalidOperationException($"Import job {job.JobId} has a header that no longer fits.");
                continue;
            }

            if (row.RowNumber <= job.RowOffset)
            {
                continue; // Settled by an earlier run.
            }

            batch.Add(UserImportRowRules.Read(settings, header, row, clock.GetUtcNow()));
            if (batch.Count == options.BatchSize)
            {
                if (!await SettleAsync(batch, row.RowNumber, progress, ct) || ++batches == batchLimit)
                {
                    return;
                }

                batch.Clear();
            }
        }

        if (batch.Count > 0 && !await SettleAsync(batch, batch[^1].Row.RowNumber, progress, ct))
        {
            return;
        }

        Log.Progress(logger, lease.JobId, lease.PoolId, progress.Rows, progress.Imported, progress.Skipped, progress.Failed);
        await FinishAsync(UserImportStatuses.Succeeded, UserImportMessages.Succeeded, ct);
    }

    /// <summary>Commits a batch unless the job is being stopped; false when this run must end.</summary>
    private async Task<bool> SettleAsync(
        List<UserImportCandidate> batch, long lastRow, UserImportProgress progress, CancellationToken ct)
    {
        await using var db = dbs.Create();
        var status = await db.UserImportJobs.AsNoTracking().Where(j => j.Id == lease.JobKey)
            .Select(j => j.Status).SingleOrDefaultAsync(ct);
        if (status == UserImportStatuses.Stopping)
        {
            await FinishAsync(UserImportStatuses.Stopped, UserImportMessages.StoppedByRequest, ct);
            return false;
        }

        var (result, totals) = await UserImportBatch.CommitAsync(db, lease, batch, lastRow, clock.GetUtcNow(), ct);
        if (result == UserImportBatch.Result.Conflict)
        {
            // A user was created in parallel between the duplicate checks and the insert: settle row by row, so
            // that only that row is skipped.
            return await SettleOneByOneAsync(batch, progress, ct);
        }

        if (result == UserImportBatch.Result.LeaseLost)
        {
            Log.LeaseLost(logger, lease.JobId, lease.PoolId);
            return false;
        }

        Report(totals!, lastRow, progress); // Committed comes with its totals.
        return true;
    }

    private async Task<bool> SettleOneByOneAsync(
        List<UserImportCandidate> batch, UserImportProgress progress, CancellationToken ct)
    {
        foreach (var candidate in batch)
        {
            if (candidate.User is { } user)
            {
                user.Id = 0; // Reset after the refused batch insert.
            }

            await using var db = dbs.Create();
            var (result, totals) = await UserImportBatch.CommitAsync(
                db, lease, [candidate], candidate.Row.RowNumber, clock.GetUtcNow(), ct);
            if (result == UserImportBatch.Result.Conflict)
            {
                var skipped = UserImportCandidate.Fail(candidate.Row, candidate.Username, UserImportMessages.UserExists);
                await using var retry = dbs.Create();
                (result, totals) = await UserImportBatch.CommitAsync(
                    retry, lease, [skipped], candidate.Row.RowNumber, clock.GetUtcNow(), ct);
            }

            if (result != UserImportBatch.Result.Committed)
            {
                Log.LeaseLost(logger, lease.JobId, lease.PoolId);
                return false;
            }

            Report(totals!, candidate.Row.RowNumber, progress); // Committed comes with its totals.
        }

        return true;
    }

    private void Report(UserImportBatch.Totals totals, long lastRow, UserImportProgress progress)
    {
        foreach (var error in totals.Reported)
        {
            Log.RowNotImported(logger, lease.JobId, lease.PoolId, error.RowNumber, error.Line, error.Outcome, error.Message);
        }

        progress.Add(totals, lastRow);
        var now = clock.GetUtcNow();
        if (now - progress.LoggedAt >= ProgressEvery)
        {
            progress.LoggedAt = now;
            Log.Progress(logger, lease.JobId, lease.PoolId, progress.Rows, progress.Imported, progress.Skipped,
                progress.Failed);
        }
    }

    /// <summary>Ends the job (while this node holds it), releases the lease and drops the stored file.</summary>
    private async Task FinishAsync(string status, string message, CancellationToken ct)
    {
        await using var db = dbs.Create();
        var now = clock.GetUtcNow();
        var done = await db.UserImportJobs.Where(j => j.Id == lease.JobKey && j.LeaseOwner == lease.Owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, status)
                .SetProperty(j => j.CompletionMessage, message)
                .SetProperty(j => j.CompletedAt, now)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null), ct);
        if (done == 0)
        {
            Log.LeaseLost(logger, lease.JobId, lease.PoolId);
            return;
        }

        await db.UserImportChunks.Where(c => c.JobKey == lease.JobKey).ExecuteDeleteAsync(ct);
        Log.JobFinished(logger, lease.JobId, lease.PoolId, status, message);
    }

    private static async Task<SepReader> OpenAsync(Stream stream, CancellationToken ct) =>
        await Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true })
            .FromAsync(stream, ct);

    private static UserImportRow ToRow(SepReader.Row row)
    {
        var fields = new string[row.ColCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = row[i].ToString();
        }

        return new UserImportRow(row.RowIndex, row.LineNumberFrom, UserImportEscapes.JoinEscapedCommas(fields));
    }
}
