using System.Collections.Concurrent;
using System.Security.Cryptography;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Admin;

/// <summary>
/// The access keys allowed to sign admin operations. Secrets are read back (SigV4 needs them) through a
/// short-lived cache, so a revoked key stops working within <see cref="CacheLifetime"/> on every node.
/// </summary>
internal sealed class AdminAccessKeys(AppDbFactory dbFactory, SecretProtector protector, TimeProvider clock)
{
    public const string Purpose = "admin-access-key";
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (string? Secret, DateTimeOffset Until)> _cache =
        new(StringComparer.Ordinal);

    public async Task<string?> FindSecretAsync(string accessKeyId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(accessKeyId, out var hit) && hit.Until > now)
        {
            return hit.Secret;
        }

        await using var db = dbFactory.Create();
        var key = await db.AdminAccessKeys.AsNoTracking()
            .FirstOrDefaultAsync(k => k.AccessKeyId == accessKeyId && k.Enabled, ct);
        var secret = key is null ? null : protector.Unprotect(Purpose, key.SecretProtected);
        if (_cache.Count > 10_000)
        {
            // Unknown key ids are cached too; a flood of random ids must not grow memory without bound.
            _cache.Clear();
        }

        _cache[accessKeyId] = (secret, now + CacheLifetime);
        return secret;
    }

    /// <summary>Stores a key, replacing the secret of an existing one with the same id.</summary>
    public async Task PutAsync(string accessKeyId, string secret, CancellationToken ct)
    {
        await using var db = dbFactory.Create();
        var key = await db.AdminAccessKeys.FirstOrDefaultAsync(k => k.AccessKeyId == accessKeyId, ct);
        if (key is null)
        {
            key = new AdminAccessKey { AccessKeyId = accessKeyId, SecretProtected = "", CreatedAt = clock.GetUtcNow() };
            db.AdminAccessKeys.Add(key);
        }

        key.SecretProtected = protector.Protect(Purpose, secret);
        key.Enabled = true;
        await db.SaveChangesAsync(ct);
        _cache.TryRemove(accessKeyId, out _);
    }

    public async Task<string?> FirstKeyIdAsync(CancellationToken ct)
    {
        await using var db = dbFactory.Create();
        return await db.AdminAccessKeys.OrderBy(k => k.CreatedAt).Select(k => k.AccessKeyId).FirstOrDefaultAsync(ct);
    }

    /// <summary>A new key pair in AWS's shape: 20-character id, 40-character secret.</summary>
    public static (string AccessKeyId, string Secret) Generate()
    {
        const string idAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        const string secretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var id = "AKGH" + RandomNumberGenerator.GetString(idAlphabet, 16);
        return (id, RandomNumberGenerator.GetString(secretAlphabet, 40));
    }
}
