namespace Gatehouse.Server.UserImport;

/// <summary>One row of the report: the data row number, its first line, FAILED or SKIPPED, the username, why.</summary>
internal sealed record UserImportReportRow(long RowNumber, long Line, string Outcome, string? Username, string Message);
