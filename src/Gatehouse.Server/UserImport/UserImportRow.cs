namespace Gatehouse.Server.UserImport;

/// <summary>One data row of an import file: its 1-based number (the header is row 0), the line it starts on, its fields.</summary>
internal sealed record UserImportRow(long RowNumber, long Line, string[] Fields);
