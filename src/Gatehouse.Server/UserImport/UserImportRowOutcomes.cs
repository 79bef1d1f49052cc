namespace Gatehouse.Server.UserImport;

/// <summary>The outcomes a report row records (<see cref="Storage.UserImportRowError.Outcome"/>).</summary>
internal static class UserImportRowOutcomes
{
    public const string Failed = "FAILED";
    public const string Skipped = "SKIPPED";
}
