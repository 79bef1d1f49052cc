namespace Gatehouse.Server.UserImport;

/// <summary>The messages of the import operations, the upload URL and the runner's completion messages.</summary>
internal static class UserImportMessages
{
    public static string JobNotFound(string jobId) => $"Import job {jobId} does not exist.";

    public static string NotCreated(string jobId, string status) =>
        $"Import job {jobId} cannot be started: its status is {status}, not Created.";

    public static string NotRunning(string jobId, string status) =>
        $"Import job {jobId} cannot be stopped: its status is {status}, not Pending or InProgress.";

    public static string NoFile(string jobId) =>
        $"Import job {jobId} has no CSV file: upload it to the job's PreSignedUrl before starting the job.";

    public const string NoAutoVerifiedAttributes =
        "The user pool has no auto-verified attributes (email or phone_number), so the import job cannot start.";

    public const string ImportInProgress = "A user import job is in progress for this user pool.";

    public const string BadPaginationToken = "The pagination token is not valid for this user pool.";

    // Completion messages (Cognito shows them in DescribeUserImportJob).
    public const string Succeeded = "Import Job Completed Successfully.";

    public const string StoppedByRequest = "Import Job Stopped.";

    public const string ExpiredUnstarted = "The import job was not started in time and has expired.";

    public static string HeaderMismatch(string detail) =>
        $"The CSV file's header does not match the user pool's header (GetCSVHeader): {detail}.";

    public const string EmptyFile = "The CSV file is empty: it has no header row.";

    public static string TooManyUsers(long max) => $"The CSV file has more than {max} users.";

    public static string Unreadable(string detail) => $"The CSV file could not be read: {detail}.";

    // Per-row reasons.
    public static string ColumnCount(int found, int expected) =>
        $"The row has {found} fields; the header has {expected} (check the quoting).";

    public const string UsernameMissing = "cognito:username is required.";

    public const string UsernameTooLong = "cognito:username is longer than 128 characters.";

    public const string UserExists = "A user with this username already exists in the user pool; skipped.";

    public const string DuplicateInFile = "An earlier row of the file has this username; skipped.";

    public const string AliasExists = "Another user in the user pool already has this email or phone number as a sign-in alias.";

    public static string BadBoolean(string column) => $"{column} must be true or false.";

    public const string MfaNeedsPhone = "cognito:mfa_enabled is true, which needs phone_number.";

    public static string NotVerified(string attributes) =>
        $"At least one auto-verified attribute ({attributes}) must be verified (its _verified column true).";

    // Upload URL (S3-style errors).
    public const string SignatureMismatch =
        "The request signature we calculated does not match the signature you provided.";

    public const string RequestExpired = "Request has expired";

    public const string NotAcceptingUpload = "The import job no longer accepts an upload.";

    public const string EntityTooLarge = "Your proposed upload exceeds the maximum allowed size";
}
