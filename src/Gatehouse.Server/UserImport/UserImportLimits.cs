namespace Gatehouse.Server.UserImport;

/// <summary>
/// Cognito's numbers for CSV import. "Creating and running the Amazon Cognito user pool import job": the pre-signed
/// URL is valid for 15 minutes; "Creating the user import CSV file": the file can be up to 100 MB and hold up to
/// 500,000 users; UserImportJobType's Status docs: a job not started within 24-48 hours is Expired (we take 24).
/// </summary>
internal static class UserImportLimits
{
    public static readonly TimeSpan UploadUrlLifetime = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan StartWindow = TimeSpan.FromHours(24);

    public const long MaxUploadBytes = 100L * 1024 * 1024;

    public const long MaxUsers = 500_000;

    /// <summary>The size of one stored piece of an upload (<see cref="Storage.UserImportChunk"/>).</summary>
    public const int ChunkBytes = 1024 * 1024;
}
