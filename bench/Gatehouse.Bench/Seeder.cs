using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Gatehouse.Bench;

/// <summary>
/// Puts many users into a pool straight into the store, in the layout the server writes (Storage/User.cs):
/// going through AdminCreateUser would take hours at a million users. Users are named <c>user{i}</c> with
/// email <c>user{i}@bench.example</c>, confirmed, without a password.
/// </summary>
internal static class Seeder
{
    private const string Columns =
        "\"PoolId\",\"Username\",\"UsernameKey\",\"Sub\",\"Status\",\"Enabled\",\"CreatedAt\",\"LastModifiedAt\","
        + "\"Attributes\",\"Email\",\"FailedSignIns\",\"Version\"";

    public static async Task SeedAsync(string pool, int count, string? sqlitePath, string? postgres)
    {
        if (postgres is not null)
        {
            await SeedPostgresAsync(pool, count, postgres);
        }
        else if (sqlitePath is not null)
        {
            await SeedSqliteAsync(pool, count, sqlitePath);
        }
        else
        {
            throw new ArgumentException("seed needs --sqlite <file> or --postgres <connection string>.");
        }
    }

    private static (string Username, string Sub, string Email, string Attributes) Row(int i)
    {
        var username = "user" + i.ToString(CultureInfo.InvariantCulture);
        var sub = new Guid(i, 0x4bcd, 0x4ef0, 0x81, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef).ToString();
        var email = username + "@bench.example";
        return (username, sub, email, $$"""{"sub":"{{sub}}","email":"{{email}}","email_verified":"true"}""");
    }

    private static async Task SeedSqliteAsync(string pool, int count, string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO \"Users\" ({Columns}) VALUES ($p,$u,$u,$s,'CONFIRMED',1,$t,$t,$a,$e,0,0)";
        var p = insert.Parameters.Add("$p", SqliteType.Text);
        var u = insert.Parameters.Add("$u", SqliteType.Text);
        var s = insert.Parameters.Add("$s", SqliteType.Text);
        var t = insert.Parameters.Add("$t", SqliteType.Integer);
        var a = insert.Parameters.Add("$a", SqliteType.Text);
        var e = insert.Parameters.Add("$e", SqliteType.Text);
        p.Value = pool;
        t.Value = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        insert.Prepare();
        for (var i = 0; i < count; i++)
        {
            (u.Value, s.Value, e.Value, a.Value) = Row(i);
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static async Task SeedPostgresAsync(string pool, int count, string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using (var writer = await connection.BeginBinaryImportAsync($"COPY \"Users\" ({Columns}) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                var (username, sub, email, attributes) = Row(i);
                await writer.StartRowAsync();
                await writer.WriteAsync(pool, NpgsqlDbType.Varchar);
                await writer.WriteAsync(username, NpgsqlDbType.Text);
                await writer.WriteAsync(username, NpgsqlDbType.Text);
                await writer.WriteAsync(sub, NpgsqlDbType.Text);
                await writer.WriteAsync("CONFIRMED", NpgsqlDbType.Text);
                await writer.WriteAsync(true, NpgsqlDbType.Boolean);
                await writer.WriteAsync(now, NpgsqlDbType.Bigint);
                await writer.WriteAsync(now, NpgsqlDbType.Bigint);
                await writer.WriteAsync(attributes, NpgsqlDbType.Text);
                await writer.WriteAsync(email, NpgsqlDbType.Text);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
                await writer.WriteAsync(0L, NpgsqlDbType.Bigint);
            }

            await writer.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE \"Users\"", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}
