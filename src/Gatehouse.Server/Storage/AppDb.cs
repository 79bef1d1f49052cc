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

    public DbSet<UserMfa> UserMfas => Set<UserMfa>();

    public DbSet<MfaRecoveryCode> MfaRecoveryCodes => Set<MfaRecoveryCode>();

    public DbSet<Device> Devices => Set<Device>();

    public DbSet<WebAuthnCredential> WebAuthnCredentials => Set<WebAuthnCredential>();

    public DbSet<ResourceServer> ResourceServers => Set<ResourceServer>();

    public DbSet<UiCustomization> UiCustomizations => Set<UiCustomization>();

    public DbSet<UserPoolDomain> UserPoolDomains => Set<UserPoolDomain>();

    public DbSet<AuthorizationCode> AuthorizationCodes => Set<AuthorizationCode>();

    public DbSet<IdentityPoolRecord> IdentityPools => Set<IdentityPoolRecord>();

    public DbSet<Identity> Identities => Set<Identity>();

    public DbSet<IdentityLogin> IdentityLogins => Set<IdentityLogin>();

    public DbSet<OpenIdTokenKey> OpenIdTokenKeys => Set<OpenIdTokenKey>();

    public DbSet<IamRole> IamRoles => Set<IamRole>();

    public DbSet<IamRolePolicy> IamRolePolicies => Set<IamRolePolicy>();

    public DbSet<IamPolicy> IamPolicies => Set<IamPolicy>();

    public DbSet<IamRolePolicyAttachment> IamRolePolicyAttachments => Set<IamRolePolicyAttachment>();

    public DbSet<IamOidcProvider> IamOidcProviders => Set<IamOidcProvider>();

    public DbSet<StsSession> StsSessions => Set<StsSession>();

    public DbSet<IdentityProvider> IdentityProviders => Set<IdentityProvider>();

    public DbSet<FederatedIdentity> FederatedIdentities => Set<FederatedIdentity>();

    public DbSet<SamlCertificate> SamlCertificates => Set<SamlCertificate>();

    public DbSet<UserImportJob> UserImportJobs => Set<UserImportJob>();

    public DbSet<UserImportChunk> UserImportChunks => Set<UserImportChunk>();

    public DbSet<UserImportRowError> UserImportRowErrors => Set<UserImportRowError>();

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
            e.Property(t => t.DeviceKey).HasMaxLength(55);
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasIndex(t => t.DeviceKey);
            e.HasIndex(t => t.FamilyId);
            e.HasIndex(t => new { t.UserId, t.Id });
            e.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<IdentityProvider>(e =>
        {
            e.HasKey(p => p.Id);
            e.Property(p => p.PoolId).HasMaxLength(55);
            e.Property(p => p.ProviderName).HasMaxLength(32);
            e.Property(p => p.ProviderType).HasMaxLength(32);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => new { p.PoolId, p.ProviderName }).IsUnique();
            e.HasOne<UserPool>().WithMany().HasForeignKey(p => p.PoolId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SamlCertificate>(e =>
        {
            e.HasKey(c => new { c.PoolId, c.Use });
            e.Property(c => c.PoolId).HasMaxLength(55);
            e.Property(c => c.Use).HasMaxLength(16);
            e.HasOne<UserPool>().WithMany().HasForeignKey(c => c.PoolId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<FederatedIdentity>(e =>
        {
            e.HasKey(f => f.Id);
            e.Property(f => f.PoolId).HasMaxLength(55);
            e.Property(f => f.ProviderName).HasMaxLength(32);
            e.Property(f => f.ProviderUserId).HasMaxLength(2048);
            e.HasIndex(f => new { f.PoolId, f.ProviderName, f.ProviderUserId }).IsUnique();
            e.HasIndex(f => f.UserId);
            e.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Device>(e =>
        {
            e.HasKey(d => d.Id);
            e.Property(d => d.PoolId).HasMaxLength(55);
            e.Property(d => d.DeviceKey).HasMaxLength(55);
            e.Property(d => d.DeviceGroupKey).HasMaxLength(64);
            e.Property(d => d.SaltHex).HasMaxLength(512);
            e.Property(d => d.Name).HasMaxLength(1024);
            e.Property(d => d.RememberedStatus).HasMaxLength(16);
            e.Property(d => d.LastIp).HasMaxLength(64);
            e.HasIndex(d => d.DeviceKey).IsUnique();
            e.HasIndex(d => new { d.UserId, d.Id });
            e.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AuthSessionUse>(e =>
        {
            e.HasKey(u => u.Id);
            e.Property(u => u.Id).HasMaxLength(64);
            e.HasIndex(u => u.ExpiresAt);
        });

        modelBuilder.Entity<UserMfa>(e =>
        {
            e.HasKey(m => m.UserId);
            e.Property(m => m.UserId).ValueGeneratedNever();
            e.Property(m => m.TotpSecretProtected).HasMaxLength(256);
            e.Property(m => m.TotpPendingSecretProtected).HasMaxLength(256);
            e.Property(m => m.TotpFriendlyName).HasMaxLength(256);
            e.Property(m => m.Version).IsConcurrencyToken();
            e.HasOne<User>().WithOne().HasForeignKey<UserMfa>(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MfaRecoveryCode>(e =>
        {
            e.HasKey(c => c.Id);
            e.Property(c => c.CodeHash).HasMaxLength(128);
            e.HasIndex(c => c.UserId);
            e.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<WebAuthnCredential>(e =>
        {
            e.HasKey(c => c.Id);
            e.Property(c => c.PoolId).HasMaxLength(55);
            e.Property(c => c.CredentialId).HasMaxLength(1400);
            e.Property(c => c.Transports).HasMaxLength(256);
            e.Property(c => c.FriendlyName).HasMaxLength(256);
            e.Property(c => c.RelyingPartyId).HasMaxLength(253);
            e.Property(c => c.AuthenticatorAttachment).HasMaxLength(32);
            e.HasIndex(c => new { c.PoolId, c.CredentialId }).IsUnique();
            e.HasIndex(c => new { c.UserId, c.Id });
            e.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
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

        OnIdentityModelCreating(modelBuilder);
    }

    /// <summary>Identity pools, IAM and STS.</summary>
    private static void OnIdentityModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IdentityPoolRecord>(e =>
        {
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasMaxLength(55);
            e.Property(p => p.Name).HasMaxLength(128);
            e.Property(p => p.DeveloperProviderName).HasMaxLength(128);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => new { p.CreatedAt, p.Id });
        });

        modelBuilder.Entity<Identity>(e =>
        {
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).HasMaxLength(55);
            e.Property(i => i.PoolId).HasMaxLength(55);
            e.Property(i => i.Version).IsConcurrencyToken();
            e.HasIndex(i => new { i.PoolId, i.Id });
            e.HasOne<IdentityPoolRecord>().WithMany().HasForeignKey(i => i.PoolId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<IdentityLogin>(e =>
        {
            e.HasKey(l => new { l.PoolId, l.Provider, l.Subject });
            e.Property(l => l.PoolId).HasMaxLength(55);
            e.Property(l => l.Provider).HasMaxLength(512);
            e.Property(l => l.Subject).HasMaxLength(512);
            e.Property(l => l.IdentityId).HasMaxLength(55);
            e.HasIndex(l => l.IdentityId);
            e.HasOne<Identity>().WithMany().HasForeignKey(l => l.IdentityId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<OpenIdTokenKey>(e =>
        {
            e.HasKey(k => k.Kid);
            e.Property(k => k.Kid).HasMaxLength(64);
            e.HasIndex(k => k.Generation).IsUnique();
        });

        modelBuilder.Entity<IamRole>(e =>
        {
            e.HasKey(r => r.RoleId);
            e.Property(r => r.RoleId).HasMaxLength(32);
            e.Property(r => r.RoleName).HasMaxLength(64);
            e.Property(r => r.NameKey).HasMaxLength(64);
            e.Property(r => r.Path).HasMaxLength(512);
            e.Property(r => r.Description).HasMaxLength(1000);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => r.NameKey).IsUnique();
        });

        modelBuilder.Entity<IamRolePolicy>(e =>
        {
            e.HasKey(p => new { p.RoleId, p.PolicyName });
            e.Property(p => p.RoleId).HasMaxLength(32);
            e.Property(p => p.PolicyName).HasMaxLength(128);
            e.HasOne<IamRole>().WithMany().HasForeignKey(p => p.RoleId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<IamPolicy>(e =>
        {
            e.HasKey(p => p.PolicyId);
            e.Property(p => p.PolicyId).HasMaxLength(32);
            e.Property(p => p.PolicyName).HasMaxLength(128);
            e.Property(p => p.NameKey).HasMaxLength(128);
            e.Property(p => p.Path).HasMaxLength(512);
            e.Property(p => p.Description).HasMaxLength(1000);
            e.Property(p => p.DefaultVersionId).HasMaxLength(16);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => p.NameKey).IsUnique();
        });

        modelBuilder.Entity<IamRolePolicyAttachment>(e =>
        {
            e.HasKey(a => new { a.RoleId, a.PolicyId });
            e.Property(a => a.RoleId).HasMaxLength(32);
            e.Property(a => a.PolicyId).HasMaxLength(32);
            e.HasIndex(a => a.PolicyId);
            e.HasOne<IamRole>().WithMany().HasForeignKey(a => a.RoleId).OnDelete(DeleteBehavior.Cascade);
            // DeletePolicy refuses an attached policy (DeleteConflict), so the store does too.
            e.HasOne<IamPolicy>().WithMany().HasForeignKey(a => a.PolicyId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<IamOidcProvider>(e =>
        {
            e.HasKey(p => p.HostPath);
            e.Property(p => p.HostPath).HasMaxLength(512);
            e.Property(p => p.Url).HasMaxLength(512);
        });

        modelBuilder.Entity<StsSession>(e =>
        {
            e.HasKey(s => s.AccessKeyId);
            e.Property(s => s.AccessKeyId).HasMaxLength(32);
            e.Property(s => s.SecretHash).HasMaxLength(64);
            e.Property(s => s.RoleId).HasMaxLength(32);
            e.Property(s => s.SessionName).HasMaxLength(64);
            e.Property(s => s.Source).HasMaxLength(64);
            e.Property(s => s.Subject).HasMaxLength(512);
            e.HasIndex(s => s.ExpiresAt);
        });

        modelBuilder.Entity<UserImportJob>(e =>
        {
            e.HasKey(j => j.Id);
            e.Property(j => j.JobId).HasMaxLength(55);
            e.Property(j => j.PoolId).HasMaxLength(55);
            e.Property(j => j.JobName).HasMaxLength(128);
            e.Property(j => j.CloudWatchLogsRoleArn).HasMaxLength(2048);
            e.Property(j => j.Status).HasMaxLength(16);
            e.Property(j => j.UploadId).HasMaxLength(32);
            e.Property(j => j.LeaseOwner).HasMaxLength(32);
            e.HasIndex(j => j.JobId).IsUnique();
            e.HasIndex(j => new { j.PoolId, j.Id });
            e.HasIndex(j => j.Status);
            e.HasOne<UserPool>().WithMany().HasForeignKey(j => j.PoolId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<UserImportChunk>(e =>
        {
            e.HasKey(c => new { c.JobKey, c.UploadId, c.Seq });
            e.Property(c => c.UploadId).HasMaxLength(32);
            e.HasOne<UserImportJob>().WithMany().HasForeignKey(c => c.JobKey).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<UserImportRowError>(e =>
        {
            e.HasKey(r => r.Id);
            e.Property(r => r.Outcome).HasMaxLength(8);
            e.Property(r => r.Username).HasMaxLength(128);
            e.Property(r => r.Message).HasMaxLength(1024);
            e.HasIndex(r => new { r.JobKey, r.RowNumber });
            e.HasOne<UserImportJob>().WithMany().HasForeignKey(r => r.JobKey).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
