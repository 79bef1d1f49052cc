namespace Gatehouse.Server.UserImport;

/// <summary>A page of a job's report (<see cref="UserImportReport"/>).</summary>
internal sealed record UserImportReportPage(string JobId, string Status, IReadOnlyList<UserImportReportRow> Rows);
