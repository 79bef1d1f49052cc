using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Storage;

/// <summary>The embedded default: one SQLite file under the data directory, in WAL mode.</summary>
internal sealed class SqliteAppDb(DbContextOptions<SqliteAppDb> options) : AppDb(options)
{
    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY (https://sqlite.org/rescode.html).
    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };
}
