namespace Gatehouse.Server.UserImport;

/// <summary>
/// Cognito's UserImportJobStatusType and its machine: Created → (StartUserImportJob) Pending → (a node claims it)
/// InProgress → Succeeded or Failed; StopUserImportJob turns Pending into Stopped and InProgress into Stopping, which
/// the running node turns into Stopped between two batches; a Created job not started within
/// <see cref="UserImportLimits.StartWindow"/> is Expired.
/// </summary>
internal static class UserImportStatuses
{
    public const string Created = "Created";
    public const string Pending = "Pending";
    public const string InProgress = "InProgress";
    public const string Stopping = "Stopping";
    public const string Stopped = "Stopped";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Expired = "Expired";

    /// <summary>The statuses a node runs (or finishes stopping); also those that make the pool "import in progress".</summary>
    public static readonly string[] Active = [Pending, InProgress, Stopping];
}
