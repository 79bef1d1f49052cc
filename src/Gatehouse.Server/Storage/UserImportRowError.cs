namespace Gatehouse.Server.Storage;

/// <summary>
/// A row of an import file that was not imported (failed or skipped), with its reason: the report Cognito writes
/// to CloudWatch Logs, read here at <c>GET /console/api/user-import/{poolId}/{jobId}/errors</c>.
/// <see cref="RowNumber"/> is the 1-based data row (the header is row 0); <see cref="Line"/> the file line it starts on.
/// </summary>
internal sealed class UserImportRowError
{
    public long Id { get; set; }

    public long JobKey { get; set; }

    public long RowNumber { get; set; }

    public long Line { get; set; }

    /// <summary><c>FAILED</c> or <c>SKIPPED</c>.</summary>
    public required string Outcome { get; set; }

    public string? Username { get; set; }

    public required string Message { get; set; }
}
