using Npgsql;

namespace Gatehouse.TestKit;

/// <summary>
/// PostgreSQL for tests: <c>GATEHOUSE_TEST_POSTGRES</c> names a server (the test script starts a throwaway
/// cluster); each caller gets a database of its own there, so suites never share state.
/// </summary>
public static class TestDatabases
{
    public static string? PostgresBase => Environment.GetEnvironmentVariable("GATEHOUSE_TEST_POSTGRES") is { Length: > 0 } v
        ? v : null;

    public static string? CreatePostgresDatabase()
    {
        if (PostgresBase is not { } baseConnection)
        {
            return null;
        }

        var name = "gh_" + Guid.NewGuid().ToString("N");
        // The administrative connection is not pooled: every test class creates a database, and pooled idle
        // connections of ~100 classes add up past the server's max_connections.
        using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(baseConnection) { Pooling = false }.ConnectionString))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            create.ExecuteNonQuery();
        }

        // A test class needs few connections, and idle ones are closed soon after its last test.
        return new NpgsqlConnectionStringBuilder(baseConnection)
        {
            Database = name,
            MaxPoolSize = 20,
            ConnectionIdleLifetime = 10,
            ConnectionPruningInterval = 5,
        }.ConnectionString;
    }
}
