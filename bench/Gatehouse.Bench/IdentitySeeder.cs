using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Gatehouse.Bench;

/// <summary>
/// Puts many identities into an identity pool straight into the store, in the layout the server writes
/// (Storage/Identity.cs, Storage/IdentityLogin.cs; instants as UTC epoch milliseconds): a million GetId calls would
/// each need a signed-in user. Identity <c>i</c> is <c>&lt;region&gt;:&lt;uuid i&gt;</c> with one login of
/// <c>provider</c> whose subject is another uuid made from <c>i</c>, as a user-pool user's <c>sub</c> would be;
/// no seeded subject is a real user, so the measured logins are never among them.
/// </summary>
internal static class IdentitySeeder
{
    private const string IdentityColumns = "\"Id\",\"PoolId\",\"CreatedAt\",\"LastModifiedAt\",\"Version\"";

    private const string LoginColumns = "\"PoolId\",\"Provider\",\"Subject\",\"IdentityId\",\"LinkedAt\"";

    public static async Task SeedAsync(
        string identityPool, string provider, int count, string? sqlitePath, string? postgres, CancellationToken ct)
    {
        if (postgres is not null)
        {
            await SeedPostgresAsync(identityPool, provider, count, postgres, ct);
        }
        else if (sqlitePath is not null)
        {
            await SeedSqliteAsync(identityPool, provider, count, sqlitePath, ct);
        }
        else
        {
            throw new ArgumentException("identity-seed needs --sqlite <file> or --postgres <connection string>.");
        }
    }

    /// <summary>Identity and login subject of row <paramref name="i"/>; the region is the pool id's (<c>region:uuid</c>).</summary>
    private static (string IdentityId, string Subject) Row(string identityPool, int i)
    {
        var region = identityPool[..identityPool.IndexOf(':', StringComparison.Ordinal)];
        var id = new Guid(i, 0x1d3e, 0x4a00, 0x9b, 0x10, 0x5e, 0xed, 0x1d, 0xe4, 0x71, 0x7e);
        var subject = new Guid(i, 0x5b3c, 0x4a00, 0x8c, 0x10, 0x5e, 0xed, 0x1d, 0xe4, 0x71, 0x7e);
        return (string.Create(CultureInfo.InvariantCulture, $"{region}:{id:D}"), subject.ToString("D"));
    }

    private static async Task SeedSqliteAsync(string pool, string provider, int count, string path, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync(ct);
        await using var transaction = connection.BeginTransaction();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using var identity = connection.CreateCommand();
        identity.CommandText = $"INSERT INTO \"Identities\" ({IdentityColumns}) VALUES ($i,$p,$t,$t,0)";
        var i = identity.Parameters.Add("$i", SqliteType.Text);
        identity.Parameters.Add("$p", SqliteType.Text).Value = pool;
        identity.Parameters.Add("$t", SqliteType.Integer).Value = now;
        identity.Prepare();
        await using var login = connection.CreateCommand();
        login.CommandText = $"INSERT INTO \"IdentityLogins\" ({LoginColumns}) VALUES ($p,$v,$s,$i,$t)";
        login.Parameters.Add("$p", SqliteType.Text).Value = pool;
        login.Parameters.Add("$v", SqliteType.Text).Value = provider;
        var s = login.Parameters.Add("$s", SqliteType.Text);
        var li = login.Parameters.Add("$i", SqliteType.Text);
        login.Parameters.Add("$t", SqliteType.Integer).Value = now;
        login.Prepare();
        for (var n = 0; n < count; n++)
        {
            (i.Value, s.Value) = Row(pool, n);
            li.Value = i.Value;
            await identity.ExecuteNonQueryAsync(ct);
            await login.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    private static async Task SeedPostgresAsync(string pool, string provider, int count, string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using (var writer = await connection.BeginBinaryImportAsync(
            $"COPY \"Identities\" ({IdentityColumns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var n = 0; n < count; n++)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(Row(pool, n).IdentityId, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(pool, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(now, NpgsqlDbType.Bigint, ct);
                await writer.WriteAsync(now, NpgsqlDbType.Bigint, ct);
                await writer.WriteAsync(0L, NpgsqlDbType.Bigint, ct);
            }

            await writer.CompleteAsync(ct);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            $"COPY \"IdentityLogins\" ({LoginColumns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var n = 0; n < count; n++)
            {
                var (identityId, subject) = Row(pool, n);
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(pool, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(provider, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(subject, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(identityId, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(now, NpgsqlDbType.Bigint, ct);
            }

            await writer.CompleteAsync(ct);
        }

        // Fresh statistics, so the planner sees a million rows rather than the few it saw before the copy.
        await using var analyze = new NpgsqlCommand("ANALYZE \"Identities\"; ANALYZE \"IdentityLogins\"", connection);
        await analyze.ExecuteNonQueryAsync(ct);
    }
}
