using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Storage;

/// <summary>Applies the provider's migrations; run at start and by the <c>migrate</c> command.</summary>
internal sealed class StorageMigrator(AppDbFactory factory)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var db = factory.Create();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers run beside the writer; the setting is kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
