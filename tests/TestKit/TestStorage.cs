using Gatehouse.Server.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.TestKit;

/// <summary>
/// The storage layer alone, as the server configures it, on a fresh SQLite file or (when
/// <c>GATEHOUSE_TEST_POSTGRES</c> is set) a fresh PostgreSQL database, migrated.
/// </summary>
public sealed class TestStorage : IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "gatehouse-storage", Guid.NewGuid().ToString("N"));
    private ServiceProvider? _services;

    internal AppDbFactory Factory => Services.GetRequiredService<AppDbFactory>();

    internal ServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialized.");

    public static string Provider => TestDatabases.PostgresBase is null ? "sqlite" : "postgres";

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gatehouse:Storage:DataDir"] = _dataDir,
            ["Gatehouse:Storage:MasterKey"] = Convert.ToBase64String(new byte[32]),
            ["Gatehouse:Storage:Postgres"] = TestDatabases.CreatePostgresDatabase(),
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddStorage(configuration);
        _services = services.BuildServiceProvider();
        await _services.GetRequiredService<StorageMigrator>().MigrateAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }
}
