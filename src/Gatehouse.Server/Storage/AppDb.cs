using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Storage;

/// <summary>
/// The one database context. The provider-specific subclasses (<see cref="SqliteAppDb"/>,
/// <see cref="PostgresAppDb"/>) exist only so each provider has its own migrations; the model is defined here.
/// </summary>
internal abstract class AppDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<UserPool> UserPools => Set<UserPool>();

    public DbSet<AppClient> AppClients => Set<AppClient>();

    public DbSet<User> Users => Set<User>();

    public DbSet<Group> Groups => Set<Group>();

    public DbSet<GroupMembership> GroupMemberships => Set<GroupMembership>();

    public DbSet<AdminAccessKey> AdminAccessKeys => Set<AdminAccessKey>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<VerificationCode> VerificationCodes => Set<VerificationCode>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<AuthSessionUse> AuthSessionUses => Set<AuthSessionUse>();

    public DbSet<ResourceServer> ResourceServers => Set<ResourceServer>();

    public DbSet<UiCustomization> UiCustomizations => Set<UiCustomization>();

    public DbSet<UserPoolDomain> UserPoolDomains => Set<UserPoolDomain>();

    public DbSet<AuthorizationCode> AuthorizationCodes => Set<AuthorizationCode>();

    /// <summary>
    /// Saves, bumping <c>Version</c> on every modified row that has one, so that two requests that read the same
    /// row cannot both write it: the later one fails with <see cref="DbUpdateConcurrencyException"/>, which the
    /// dispatcher answers with ConcurrentModificationException.
    /// </summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty("Version") is { } version)
            {
                var property = entry.Property(version.Name);
                property.CurrentValue = (long)(property.OriginalValue ?? 0L) + 1;
            }
        }

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Whether a unique index refused a write; the providers word it differently.</summary>
    public abstract bool IsUniqueViolation(DbUpdateException exception);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored as UTC epoch milliseconds on both providers, so they sort and compare in SQL
        // alike (SQLite has no native instant type).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<EpochMillisecondsConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserPool>(e =>
        {
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasMaxLength(55);
            e.Property(p => p.Name).HasMaxLength(128);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => new { p.CreatedAt, p.Id });
        });

        modelBuilder.Entity<AppClient>(e =>
        {
            e.HasKey(c => c.ClientId);
            e.Property(c => c.ClientId).HasMaxLength(128);
            e.Property(c => c.PoolId).HasMaxLength(55);
            e.Property(c => c.ClientName).HasMaxLength(128);
            e.HasIndex(c => new { c.PoolId, c.ClientId });
            e.HasOne<UserPool>().WithMany().HasForeignKey(c => c.PoolId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<User>(e =>
        {
            e.HasKey(u => u.Id);
            e.Property(u => u.PoolId).HasMaxLength(55);
            e.Property(u => u.Version).IsConcurrencyToken();
            e.HasIndex(u => new { u.PoolId, u.UsernameKey }).IsUnique();
            e.HasIndex(u => new { u.PoolId, u.Sub }).IsUnique();
            e.HasIndex(u => new { u.PoolId, u.EmailAliasKey }).IsUnique();
            e.HasIndex(u => new { u.PoolId, u.PhoneAliasKey }).IsUnique();
            e.HasIndex(u => new { u.PoolId, u.PreferredUsernameKey }).IsUnique();
            e.HasIndex(u => new { u.PoolId, u.Id });
            e.HasIndex(u => new { u.PoolId, u.Email, u.Id });
            e.HasIndex(u => new { u.PoolId, u.PhoneNumber, u.Id });
            e.HasIndex(u => new { u.PoolId, u.Name, u.Id });
            e.HasIndex(u => new { u.PoolId, u.GivenName, u.Id });
            e.HasIndex(u => new { u.PoolId, u.FamilyName, u.Id });
            e.HasIndex(u => new { u.PoolId, u.PreferredUsername, u.Id });
            e.HasIndex(u => new { u.PoolId, u.Status, u.Id });
            e.HasIndex(u => new { u.PoolId, u.Enabled, u.Id });
            e.HasOne<UserPool>().WithMany().HasForeignKey(u => u.PoolId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Group>(e =>
        {
            e.HasKey(g => new { g.PoolId, g.GroupName });
            e.Property(g => g.PoolId).HasMaxLength(55);
            e.Property(g => g.GroupName).HasMaxLength(128);
            e.HasOne<UserPool>().WithMany().HasForeignKey(g => g.PoolId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<GroupMembership>(e =>
        {
            e.HasKey(m => new { m.PoolId, m.GroupName, m.UserId });
            e.HasIndex(m => new { m.UserId, m.GroupName });
            e.HasOne<Group>().WithMany().HasForeignKey(m => new { m.PoolId, m.GroupName })
                .OnDelete(DeleteBehavior.Cascade);
            e.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AdminAccessKey>(e =>
        {
            e.HasKey(k => k.AccessKeyId);
            e.Property(k => k.AccessKeyId).HasMaxLength(128);
        });

        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.HasKey(m => m.Id);
            e.HasIndex(m => new { m.Destination, m.Id });
            e.HasIndex(m => new { m.PoolId, m.Id });
        });

        modelBuilder.Entity<VerificationCode>(e =>
        {
            e.HasKey(c => c.Id);
            e.Property(c => c.PoolId).HasMaxLength(55);
            e.Property(c => c.Purpose).HasMaxLength(64);
            e.Property(c => c.AttributeName).HasMaxLength(64);
            e.Property(c => c.CodeHash).HasMaxLength(128);
            e.HasIndex(c => new { c.UserId, c.Purpose }).IsUnique();
            e.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SigningKey>(e =>
        {
            e.HasKey(k => k.Kid);
            e.Property(k => k.Kid).HasMaxLength(64);
            e.Property(k => k.PoolId).HasMaxLength(55);
            e.Property(k => k.Use).HasMaxLength(16);
            e.HasIndex(k => new { k.PoolId, k.Use, k.Generation }).IsUnique();
            e.HasOne<UserPool>().WithMany().HasForeignKey(k => k.PoolId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<RefreshToken>(e =>
        {
            e.HasKey(t => t.Id);
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.Property(t => t.FamilyId).HasMaxLength(64);
            e.Property(t => t.PoolId).HasMaxLength(55);
            e.Property(t => t.ClientId).HasMaxLength(128);
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasIndex(t => t.FamilyId);
            e.HasIndex(t => new { t.UserId, t.Id });
            e.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AuthSessionUse>(e =>
        {
            e.HasKey(u => u.Id);
            e.Property(u => u.Id).HasMaxLength(64);
            e.HasIndex(u => u.ExpiresAt);
        });

        modelBuilder.Entity<ResourceServer>(e =>
        {
            e.HasKey(r => new { r.PoolId, r.Identifier });
            e.Property(r => r.PoolId).HasMaxLength(55);
            e.Property(r => r.Identifier).HasMaxLength(256);
            e.Property(r => r.Name).HasMaxLength(256);
            e.HasOne<UserPool>().WithMany().HasForeignKey(r => r.PoolId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<UiCustomization>(e =>
        {
            e.HasKey(u => new { u.PoolId, u.ClientId });
            e.Property(u => u.PoolId).HasMaxLength(55);
            e.Property(u => u.ClientId).HasMaxLength(128);
            e.Property(u => u.ImageType).HasMaxLength(32);
            e.Property(u => u.CssVersion).HasMaxLength(32);
            e.HasOne<UserPool>().WithMany().HasForeignKey(u => u.PoolId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<UserPoolDomain>(e =>
        {
            e.HasKey(d => d.Domain);
            e.Property(d => d.Domain).HasMaxLength(253);
            e.Property(d => d.PoolId).HasMaxLength(55);
            e.Property(d => d.CertificateArn).HasMaxLength(2048);
            e.Property(d => d.Version).IsConcurrencyToken();
            e.HasIndex(d => d.PoolId);
            e.HasOne<UserPool>().WithMany().HasForeignKey(d => d.PoolId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AuthorizationCode>(e =>
        {
            e.HasKey(c => c.CodeHash);
            e.Property(c => c.CodeHash).HasMaxLength(64);
            e.Property(c => c.PoolId).HasMaxLength(55);
            e.Property(c => c.ClientId).HasMaxLength(128);
            e.Property(c => c.CodeChallenge).HasMaxLength(128);
            e.Property(c => c.CodeChallengeMethod).HasMaxLength(8);
            e.HasIndex(c => c.ExpiresAt);
            e.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
