using Gatehouse.Server.Storage;
using Gatehouse.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.StorageTests;

/// <summary>
/// The storage contract: every rule the handlers rely on, checked on whichever provider this run uses
/// (the test script runs the suite once on SQLite and once on PostgreSQL).
/// </summary>
public sealed class StorageContractTests(TestStorage storage) : IClassFixture<TestStorage>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static UserPool NewPool() => new()
    {
        Id = "us-east-1_" + Guid.NewGuid().ToString("N")[..9],
        Name = "pool",
        Settings = "{}",
        CreatedAt = DateTimeOffset.UnixEpoch.AddDays(20_000),
        LastModifiedAt = DateTimeOffset.UnixEpoch.AddDays(20_000),
    };

    private static User NewUser(string poolId, string username) => new()
    {
        PoolId = poolId,
        Username = username,
        UsernameKey = username.ToLowerInvariant(),
        Sub = Guid.NewGuid().ToString(),
        Status = "CONFIRMED",
    };

    [Fact]
    public async Task Migrations_Applied_NoPendingModelChanges()
    {
        await using var db = storage.Factory.Create();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task UniqueIndex_DuplicateUsername_ReportedAsUniqueViolation()
    {
        await using var db = storage.Factory.Create();
        var pool = NewPool();
        db.UserPools.Add(pool);
        db.Users.Add(NewUser(pool.Id, "alice"));
        await db.SaveChangesAsync(Ct);

        await using var other = storage.Factory.Create();
        other.Users.Add(NewUser(pool.Id, "ALICE"));
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => other.SaveChangesAsync(Ct));

        Assert.True(other.IsUniqueViolation(error));
    }

    [Fact]
    public async Task UniqueIndex_NullAliasKeys_DoNotCollide()
    {
        await using var db = storage.Factory.Create();
        var pool = NewPool();
        db.UserPools.Add(pool);
        db.Users.AddRange(NewUser(pool.Id, "a"), NewUser(pool.Id, "b"));

        await db.SaveChangesAsync(Ct);

        Assert.Equal(2, await db.Users.CountAsync(u => u.PoolId == pool.Id && u.EmailAliasKey == null, Ct));
    }

    [Fact]
    public async Task UniqueIndex_SameAliasKey_Refused()
    {
        await using var db = storage.Factory.Create();
        var pool = NewPool();
        db.UserPools.Add(pool);
        var first = NewUser(pool.Id, "a");
        first.EmailAliasKey = "x@example.com";
        db.Users.Add(first);
        await db.SaveChangesAsync(Ct);

        await using var other = storage.Factory.Create();
        var second = NewUser(pool.Id, "b");
        second.EmailAliasKey = "x@example.com";
        other.Users.Add(second);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => other.SaveChangesAsync(Ct));
        Assert.True(other.IsUniqueViolation(error));
    }

    [Fact]
    public async Task ConcurrencyToken_StaleVersion_Refused()
    {
        await using (var db = storage.Factory.Create())
        {
            var pool = NewPool();
            db.UserPools.Add(pool);
            db.Users.Add(NewUser(pool.Id, "racer"));
            await db.SaveChangesAsync(Ct);
        }

        await using var first = storage.Factory.Create();
        await using var second = storage.Factory.Create();
        var a = await first.Users.SingleAsync(u => u.Username == "racer", Ct);
        var b = await second.Users.SingleAsync(u => u.PoolId == a.PoolId && u.Username == "racer", Ct);
        a.Enabled = false;
        a.Version++;
        await first.SaveChangesAsync(Ct);
        b.Status = "RESET_REQUIRED";
        b.Version++;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task Instants_StoredAsEpochMilliseconds_RoundTripAndSort()
    {
        var early = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);
        await using (var db = storage.Factory.Create())
        {
            var a = NewPool();
            a.Name = "early";
            a.CreatedAt = early;
            var b = NewPool();
            b.Name = "late";
            b.CreatedAt = early.AddMilliseconds(1);
            db.UserPools.AddRange(b, a);
            await db.SaveChangesAsync(Ct);
        }

        await using var read = storage.Factory.Create();
        var names = await read.UserPools.Where(p => p.CreatedAt >= early && p.CreatedAt <= early.AddMilliseconds(1))
            .OrderBy(p => p.CreatedAt).Select(p => p.Name).ToListAsync(Ct);
        var stored = await read.UserPools.Where(p => p.CreatedAt == early).Select(p => p.CreatedAt).FirstAsync(Ct);

        Assert.Equal(["early", "late"], names.Where(n => n is "early" or "late").Take(2));
        Assert.Equal(early, stored);
    }

    [Fact]
    public async Task PoolDelete_Cascades_ToUsersClientsAndGroups()
    {
        var pool = NewPool();
        await using (var db = storage.Factory.Create())
        {
            db.UserPools.Add(pool);
            var user = NewUser(pool.Id, "member");
            db.Users.Add(user);
            db.AppClients.Add(new AppClient { ClientId = Guid.NewGuid().ToString("N"), PoolId = pool.Id, ClientName = "c", Settings = "{}" });
            db.Groups.Add(new Group { PoolId = pool.Id, GroupName = "g" });
            await db.SaveChangesAsync(Ct);
            db.GroupMemberships.Add(new GroupMembership { PoolId = pool.Id, GroupName = "g", UserId = user.Id });
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = storage.Factory.Create())
        {
            await db.UserPools.Where(p => p.Id == pool.Id).ExecuteDeleteAsync(Ct);
        }

        await using var check = storage.Factory.Create();
        Assert.False(await check.Users.AnyAsync(u => u.PoolId == pool.Id, Ct));
        Assert.False(await check.AppClients.AnyAsync(c => c.PoolId == pool.Id, Ct));
        Assert.False(await check.Groups.AnyAsync(g => g.PoolId == pool.Id, Ct));
        Assert.False(await check.GroupMemberships.AnyAsync(m => m.PoolId == pool.Id, Ct));
    }

    [Fact]
    public async Task PrefixRange_OrdinalComparison_SameOnEveryProvider()
    {
        var pool = NewPool();
        await using (var db = storage.Factory.Create())
        {
            db.UserPools.Add(pool);
            foreach (var email in new[] { "ann@x.io", "anna@x.io", "Ann@y.io", "anz@x.io", "bob@x.io", "an" })
            {
                var user = NewUser(pool.Id, email);
                user.Email = email;
                db.Users.Add(user);
            }

            await db.SaveChangesAsync(Ct);
        }

        await using var read = storage.Factory.Create();
        const string prefix = "ann";
        const string upper = prefix + "\uffff";
        var found = await read.Users
            .Where(u => u.PoolId == pool.Id && string.Compare(u.Email, prefix) >= 0 && string.Compare(u.Email, upper) < 0)
            .OrderBy(u => u.Email).Select(u => u.Email).ToListAsync(Ct);

        Assert.Equal(["ann@x.io", "anna@x.io"], found);
    }

    [Fact]
    public async Task SecretProtector_StoredSecret_RoundTripsAndIsBoundToPurpose()
    {
        var protector = storage.Services.GetRequiredService<SecretProtector>();
        var stored = protector.Protect("admin-access-key", "s3cret");

        Assert.StartsWith("v1.", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", stored, StringComparison.Ordinal);
        Assert.Equal("s3cret", protector.Unprotect("admin-access-key", stored));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => protector.Unprotect("srp-verifier", stored));
    }

    [Fact]
    public void Provider_IsTheOneConfigured()
    {
        using var db = storage.Factory.Create();

        Assert.Equal(TestStorage.Provider == "postgres", db.Database.IsNpgsql());
    }

    [Fact]
    public async Task UserImportChunkStream_SyncAndAsyncReads_GiveTheStoredBytesInOrder()
    {
        await using var db = storage.Factory.Create();
        var pool = NewPool();
        db.UserPools.Add(pool);
        var job = new UserImportJob
        {
            JobId = "import-" + Guid.NewGuid().ToString("N")[..20],
            PoolId = pool.Id,
            JobName = "job",
            CloudWatchLogsRoleArn = "arn:aws:iam::000000000000:role/import",
            Status = "Created",
        };
        db.UserImportJobs.Add(job);
        await db.SaveChangesAsync(Ct);
        byte[][] parts = [[1, 2, 3], [4], [5, 6]];
        for (var seq = 0; seq < parts.Length; seq++)
        {
            db.UserImportChunks.Add(new UserImportChunk { JobKey = job.Id, UploadId = "u1", Seq = seq, Data = parts[seq] });
        }

        await db.SaveChangesAsync(Ct);

        await using var syncStream = new Gatehouse.Server.UserImport.UserImportChunkStream(db, job.Id, "u1");
        var syncCopy = new MemoryStream();
        syncStream.CopyTo(syncCopy);
        await using var asyncStream = new Gatehouse.Server.UserImport.UserImportChunkStream(db, job.Id, "u1");
        var asyncCopy = new MemoryStream();
        await asyncStream.CopyToAsync(asyncCopy, Ct);

        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, syncCopy.ToArray());
        Assert.Equal(syncCopy.ToArray(), asyncCopy.ToArray());
    }
}
