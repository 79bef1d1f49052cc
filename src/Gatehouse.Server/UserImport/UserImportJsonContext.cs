using System.Text.Json.Serialization;

namespace Gatehouse.Server.UserImport;

/// <summary>The console's JSON for the import report: camelCase names, as the other console API routes.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(UserImportReportPage))]
internal sealed partial class UserImportJsonContext : JsonSerializerContext;
