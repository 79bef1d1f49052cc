using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gatehouse.Server.Storage;

/// <summary>PostgreSQL, for production and for several stateless nodes.</summary>
internal sealed class PostgresAppDb(DbContextOptions<PostgresAppDb> options) : AppDb(options)
{
    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Byte order ("C") collation on the searchable and keyset-paged columns, so that prefix ranges (^= filters) and keyset
        // pages use their indexes and compare exactly as SQLite's BINARY does.
        modelBuilder.Entity<User>(e =>
        {
            foreach (var column in new[]
                     {
                         nameof(User.UsernameKey), nameof(User.Email), nameof(User.PhoneNumber), nameof(User.Name),
                         nameof(User.GivenName), nameof(User.FamilyName), nameof(User.PreferredUsername),
                         nameof(User.Status), nameof(User.Sub),
                     })
            {
                e.Property(column).UseCollation("C");
            }
        });
        modelBuilder.Entity<Group>(e => e.Property(g => g.GroupName).UseCollation("C"));
        modelBuilder.Entity<AppClient>(e => e.Property(c => c.ClientId).UseCollation("C"));
        modelBuilder.Entity<UserPool>(e => e.Property(p => p.Id).UseCollation("C"));
    }
}
