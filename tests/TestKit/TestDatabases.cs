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
        using (var connection = new NpgsqlConnection(baseConnection))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(baseConnection) { Database = name }.ConnectionString;
    }
}
