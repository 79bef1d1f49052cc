using System.Globalization;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.UserImport;

/// <summary>
/// ListUserImportJobs: the pool's jobs, newest first, MaxResults (1-60) at a time; the PaginationToken is a keyset
/// position (<see cref="UserPoolPageToken"/>, scoped to the pool, so another pool's token is refused).
/// </summary>
internal sealed class ListUserImportJobs(AppDb db, TimeProvider clock, UserImportView view)
    : IAwsHandler<ListUserImportJobsRequest>
{
    public async Task<AwsResult> HandleAsync(ListUserImportJobsRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(UserMessages.PoolNotFound(request.UserPoolId));
        }

        var scope = "user-import-jobs:" + pool.Id;
        var jobs = db.UserImportJobs.Where(j => j.PoolId == pool.Id);
        if (request.PaginationToken is { } token)
        {
            if (UserPoolPageToken.Decode(token, scope, 1) is not [var key]
                || !long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var before))
            {
                return AwsError.InvalidParameter(UserImportMessages.BadPaginationToken);
            }

            jobs = jobs.Where(j => j.Id < before);
        }

        var page = await jobs.OrderByDescending(j => j.Id).Take(request.MaxResults + 1).ToListAsync(ct);
        var more = page.Count > request.MaxResults;
        page = page.Take(request.MaxResults).ToList();
        var now = clock.GetUtcNow();
        if (page.Where(j => UserImportView.Expire(j, now)).ToList() is { Count: > 0 })
        {
            await db.SaveChangesAsync(ct);
        }

        return AwsResult.Ok(new ListUserImportJobsResponse
        {
            UserImportJobs = page.Select(view.ToType).ToList(),
            PaginationToken = more
                ? UserPoolPageToken.Encode(scope, page[^1].Id.ToString(CultureInfo.InvariantCulture))
                : null,
        });
    }
}
