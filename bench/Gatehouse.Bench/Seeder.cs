using System.Globalization;
using Gatehouse.Server.Tokens;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Gatehouse.Bench;

/// <summary>
/// Puts many users into a pool straight into the store, in the layout the server writes (Storage/User.cs):
/// going through AdminCreateUser would take hours at a million users. Users are named <c>user{i}</c> with
/// email <c>user{i}@bench.example</c>, confirmed, without a password. With a client id, each seeded user also gets
/// one live refresh token of that client in the real table: a token made by <see cref="RefreshTokenFormat.New"/>,
/// stored as <see cref="RefreshTokenFormat.Hash"/> with its own family, as a sign-in would store it.
/// </summary>
internal static class Seeder
{
    private const string Columns =
        "\"PoolId\",\"Username\",\"UsernameKey\",\"Sub\",\"Status\",\"Enabled\",\"CreatedAt\",\"LastModifiedAt\","
        + "\"Attributes\",\"Email\",\"FailedSignIns\",\"Version\"";

    private const string TokenColumns =
        "\"TokenHash\",\"FamilyId\",\"PoolId\",\"ClientId\",\"UserId\",\"AuthTime\",\"CreatedAt\",\"ExpiresAt\"";

    public static async Task SeedAsync(string pool, int count, string? sqlitePath, string? postgres, string? clientId)
    {
        if (postgres is not null)
        {
            await SeedPostgresAsync(pool, count, postgres, clientId);
        }
        else if (sqlitePath is not null)
        {
            await SeedSqliteAsync(pool, count, sqlitePath, clientId);
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

    private static async Task SeedSqliteAsync(string pool, int count, string path, string? clientId)
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
        await using var token = connection.CreateCommand();
        token.CommandText = $"INSERT INTO \"RefreshTokens\" ({TokenColumns}) VALUES ($h,$f,$p,$c,last_insert_rowid(),$t,$t,$x)";
        var h = token.Parameters.Add("$h", SqliteType.Text);
        var f = token.Parameters.Add("$f", SqliteType.Text);
        token.Parameters.Add("$p", SqliteType.Text).Value = pool;
        token.Parameters.Add("$c", SqliteType.Text).Value = clientId ?? "";
        token.Parameters.Add("$t", SqliteType.Integer).Value = t.Value;
        token.Parameters.Add("$x", SqliteType.Integer).Value = DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeMilliseconds();
        token.Prepare();
        for (var i = 0; i < count; i++)
        {
            (u.Value, s.Value, e.Value, a.Value) = Row(i);
            await insert.ExecuteNonQueryAsync();
            if (clientId is not null)
            {
                (h.Value, f.Value) = (RefreshTokenFormat.Hash(RefreshTokenFormat.New()), Guid.NewGuid().ToString());
                await token.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }

    private static async Task SeedPostgresAsync(string pool, int count, string connectionString, string? clientId)
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

        if (clientId is not null)
        {
            await SeedPostgresTokensAsync(connection, pool, count, clientId, now);
        }

        await using var analyze = new NpgsqlCommand("ANALYZE \"Users\"; ANALYZE \"RefreshTokens\"", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>One token per seeded user: the users' ids come back from the store by username.</summary>
    private static async Task SeedPostgresTokensAsync(NpgsqlConnection connection, string pool, int count, string clientId, long now)
    {
        var ids = new Dictionary<string, long>(count, StringComparer.Ordinal);
        await using (var select = new NpgsqlCommand("SELECT \"Username\", \"Id\" FROM \"Users\" WHERE \"PoolId\" = @p", connection))
        {
            select.Parameters.AddWithValue("p", pool);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        var expires = DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeMilliseconds();
        await using var writer = await connection.BeginBinaryImportAsync($"COPY \"RefreshTokens\" ({TokenColumns}) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < count; i++)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(RefreshTokenFormat.Hash(RefreshTokenFormat.New()), NpgsqlDbType.Varchar);
            await writer.WriteAsync(Guid.NewGuid().ToString(), NpgsqlDbType.Varchar);
            await writer.WriteAsync(pool, NpgsqlDbType.Varchar);
            await writer.WriteAsync(clientId, NpgsqlDbType.Varchar);
            await writer.WriteAsync(ids[Row(i).Username], NpgsqlDbType.Bigint);
            await writer.WriteAsync(now, NpgsqlDbType.Bigint);
            await writer.WriteAsync(now, NpgsqlDbType.Bigint);
            await writer.WriteAsync(expires, NpgsqlDbType.Bigint);
        }

        await writer.CompleteAsync();
    }
}
