using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.TestKit;

/// <summary>
/// The whole server in process on its own store: a fresh SQLite file per factory, or, when
/// <c>GATEHOUSE_TEST_POSTGRES</c> holds a connection string, a fresh PostgreSQL database per factory.
/// Time is a <see cref="FakeTimeProvider"/> that starts at the real now.
/// </summary>
public sealed class GatehouseFactory : WebApplicationFactory<Program>
{
    public const string AccessKeyId = "AKGHTESTKEY000000001";
    public const string SecretAccessKey = "test/secret/key/for/gatehouse/api/tests0";
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "gatehouse-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _settings = new(StringComparer.OrdinalIgnoreCase);

    // One database per factory, also for the servers that WithWebHostBuilder derives from it (they run this
    // factory's ConfigureWebHost again), so a derived server sees the same store, as it does on SQLite.
    private readonly Lazy<string?> _postgres = new(TestDatabases.CreatePostgresDatabase);

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The provider this factory runs on: <c>sqlite</c> or <c>postgres</c>.</summary>
    public static string Provider => TestDatabases.PostgresBase is null ? "sqlite" : "postgres";

    /// <summary>
    /// Adds a configuration value (e.g. <c>Gatehouse:Messaging:Smtp:Host</c>) applied after the factory's own;
    /// call it before the server starts (before <c>Services</c> or a client is first used).
    /// </summary>
    public GatehouseFactory WithSetting(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    public AwsApiClient CreateAwsClient() => new(CreateClient(), Clock, AccessKeyId, SecretAccessKey);

    /// <summary>A client of the AWS Query services (IAM, STS), signed with the test admin key.</summary>
    public AwsQueryClient CreateQueryClient() => new(CreateClient(), Clock, AccessKeyId, SecretAccessKey);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Gatehouse:Storage:DataDir", _dataDir);
        builder.UseSetting("Gatehouse:Storage:MasterKey", Convert.ToBase64String(new byte[32]));
        builder.UseSetting("Gatehouse:Admin:AccessKeyId", AccessKeyId);
        builder.UseSetting("Gatehouse:Admin:SecretAccessKey", SecretAccessKey);
        if (_postgres.Value is { } connectionString)
        {
            builder.UseSetting("Gatehouse:Storage:Postgres", connectionString);
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }
}
