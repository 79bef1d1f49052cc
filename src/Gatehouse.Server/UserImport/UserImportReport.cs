using System.Globalization;
using Gatehouse.Server.Admin;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.UserImport;

/// <summary>
/// <c>GET /console/api/user-import/{poolId}/{jobId}/errors?after=</c>: the per-row report of a job (what Cognito
/// writes to CloudWatch Logs), for operators and tests. Authenticated with an admin access key over HTTP Basic, like
/// the other console API routes. At most <see cref="PageSize"/> rows, in row order after the row number <c>after</c>.
/// </summary>
internal static class UserImportReport
{
    public const string Route = "/console/api/user-import/{poolId}/{jobId}/errors";
    public const int PageSize = 1000;

    public static async Task<IResult> GetAsync(
        HttpContext context, string poolId, string jobId, AdminAccessKeys keys, AppDb db, ILoggerFactory loggers,
        CancellationToken ct)
    {
        if (await AdminBasicAuthentication.RefusalAsync(context.Request, keys, ct) is { } refusal)
        {
            Log.ReportRefused(loggers.CreateLogger(typeof(UserImportReport)), refusal);
            context.Response.Headers.WWWAuthenticate = AdminBasicAuthentication.Challenge;
            return Results.Unauthorized();
        }

        long after = 0;
        if (context.Request.Query["after"].ToString() is { Length: > 0 } afterText
            && !long.TryParse(afterText, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            return Results.Problem(statusCode: 400, detail: "after must be a row number (a non-negative integer).");
        }

        var job = await db.UserImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.PoolId == poolId && j.JobId == jobId, ct);
        if (job is null)
        {
            return Results.Problem(statusCode: 404, detail: UserImportMessages.JobNotFound(jobId));
        }

        var rows = await db.UserImportRowErrors.AsNoTracking()
            .Where(r => r.JobKey == job.Id && r.RowNumber > after)
            .OrderBy(r => r.RowNumber)
            .Take(PageSize)
            .Select(r => new UserImportReportRow(r.RowNumber, r.Line, r.Outcome, r.Username, r.Message))
            .ToListAsync(ct);
        return Results.Json(new UserImportReportPage(job.JobId, job.Status, rows), UserImportJsonContext.Default.UserImportReportPage);
    }
}
