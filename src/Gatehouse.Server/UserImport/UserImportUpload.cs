using System.Globalization;
using System.Security.Cryptography;
using System.Xml.Linq;
using Gatehouse.Server.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.UserImport;

/// <summary>
/// <c>PUT /user-import/upload/{jobId}?X-Gatehouse-Expires=..&amp;X-Gatehouse-Signature=..</c>: the job's PreSignedUrl
/// (<see cref="UserImportUrls"/>), which takes the CSV as the AWS guide sends it to S3
/// (<c>curl -T file.csv -H "x-amz-server-side-encryption:aws:kms" URL</c>; that header is accepted and ignored).
/// Checks in order: a signature of this instance over this job id and expiry (403 SignatureDoesNotMatch), not
/// expired (403 AccessDenied "Request has expired"), a job still in Created (403 AccessDenied), at most 100 MB
/// (400 EntityTooLarge, from Content-Length before reading, and counted while streaming for a chunked body). The
/// body is streamed into 1 MiB chunks in the store and becomes the job's file only once complete; a later PUT before
/// the start replaces it, as a second PUT to S3 would. Errors are S3's XML error document.
/// </summary>
internal static class UserImportUpload
{
    public static async Task PutAsync(
        HttpContext context, string jobId, AppDb db, UserImportUrls urls, TimeProvider clock,
        ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(UserImportUpload));
        var query = context.Request.Query;
        var expires = query[UserImportUrls.ExpiresParameter].ToString();
        var signature = query[UserImportUrls.SignatureParameter].ToString();
        if (expires.Length == 0 || signature.Length == 0 || !urls.Verify(jobId, expires, signature))
        {
            await RefuseAsync(context, logger, 403, "SignatureDoesNotMatch", UserImportMessages.SignatureMismatch, ct);
            return;
        }

        // The signature covers the expiry, so it parses; a signed expiry is never in the past by more than the clock.
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(expires, CultureInfo.InvariantCulture));
        if (clock.GetUtcNow() >= expiresAt)
        {
            await RefuseAsync(context, logger, 403, "AccessDenied", UserImportMessages.RequestExpired, ct);
            return;
        }

        var job = await db.UserImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.JobId == jobId, ct);
        if (job is not { Status: UserImportStatuses.Created })
        {
            await RefuseAsync(context, logger, 403, "AccessDenied", UserImportMessages.NotAcceptingUpload, ct);
            return;
        }

        if (context.Request.ContentLength > UserImportLimits.MaxUploadBytes)
        {
            await RefuseAsync(context, logger, 400, "EntityTooLarge", UserImportMessages.EntityTooLarge, ct);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null; // Counted below, chunk by chunk, against Cognito's 100 MB.
        }

        var uploadId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var stored = await StoreAsync(context.Request.Body, db, job.Id, uploadId, ct);
        if (stored is null)
        {
            await DropAsync(db, job.Id, uploadId);
            await RefuseAsync(context, logger, 400, "EntityTooLarge", UserImportMessages.EntityTooLarge, ct);
            return;
        }

        var taken = await db.UserImportJobs.Where(j => j.Id == job.Id && j.Status == UserImportStatuses.Created)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.UploadId, uploadId).SetProperty(j => j.UploadBytes, stored), ct);
        if (taken == 0)
        {
            await DropAsync(db, job.Id, uploadId);
            await RefuseAsync(context, logger, 403, "AccessDenied", UserImportMessages.NotAcceptingUpload, ct);
            return;
        }

        await db.UserImportChunks.Where(c => c.JobKey == job.Id && c.UploadId != uploadId).ExecuteDeleteAsync(ct);
        Log.FileUploaded(logger, job.JobId, job.PoolId, stored.Value);
        context.Response.StatusCode = 200;
    }

    /// <summary>The body in chunks under <paramref name="uploadId"/>; its length, or null once it passes the limit.</summary>
    private static async Task<long?> StoreAsync(Stream body, AppDb db, long jobKey, string uploadId, CancellationToken ct)
    {
        var buffer = new byte[UserImportLimits.ChunkBytes];
        long total = 0;
        var seq = 0;
        try
        {
            while (true)
            {
                var read = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
                if (read == 0)
                {
                    return total;
                }

                total += read;
                if (total > UserImportLimits.MaxUploadBytes)
                {
                    return null;
                }

                db.UserImportChunks.Add(new UserImportChunk
                {
                    JobKey = jobKey,
                    UploadId = uploadId,
                    Seq = seq++,
                    Data = buffer.AsSpan(0, read).ToArray(),
                });
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                if (read < buffer.Length)
                {
                    return total;
                }
            }
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException or OperationCanceledException)
        {
            // The client went away mid-upload: what was stored of this upload is dropped; the job keeps its file.
            await DropAsync(db, jobKey, uploadId);
            throw;
        }
    }

    private static async Task DropAsync(AppDb db, long jobKey, string uploadId)
    {
        // Not the request's token: the cleanup must run also when the client has gone.
        await db.UserImportChunks.Where(c => c.JobKey == jobKey && c.UploadId == uploadId)
            .ExecuteDeleteAsync(CancellationToken.None);
    }

    private static async Task RefuseAsync(
        HttpContext context, ILogger logger, int status, string code, string message, CancellationToken ct)
    {
        Log.UploadRefused(logger, code);
        var document = new XDocument(new XDeclaration("1.0", "UTF-8", null), new XElement("Error",
            new XElement("Code", code),
            new XElement("Message", message),
            new XElement("RequestId", Convert.ToHexString(RandomNumberGenerator.GetBytes(8)))));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        // Closing the connection keeps a refused client from streaming the rest of a large body to us.
        context.Response.Headers.Connection = "close";
        await context.Response.WriteAsync(document.Declaration + document.ToString(SaveOptions.DisableFormatting), ct);
    }
}
