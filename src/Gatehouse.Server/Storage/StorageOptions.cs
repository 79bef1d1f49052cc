namespace Gatehouse.Server.Storage;

/// <summary>
/// Section <c>Gatehouse:Storage</c>; also set by <c>GATEHOUSE_DATA_DIR</c>, <c>GATEHOUSE_POSTGRES</c> and
/// <c>GATEHOUSE_MASTER_KEY</c>.
/// </summary>
internal sealed class StorageOptions
{
    public const string Section = "Gatehouse:Storage";

    /// <summary>Where the SQLite file and the master key file live (default <c>./data</c>).</summary>
    public string DataDir { get; set; } = "data";

    /// <summary>A PostgreSQL connection string; unset means the embedded SQLite file.</summary>
    public string? Postgres { get; set; }

    /// <summary>The master key (32 bytes, base64); unset means a key file in the data directory.</summary>
    public string? MasterKey { get; set; }

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(Postgres);

    public string SqlitePath => Path.Combine(DataDir, "gatehouse.db");

    public string MasterKeyPath => Path.Combine(DataDir, "master.key");
}
