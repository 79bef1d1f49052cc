using System.Buffers.Text;
using System.Security.Cryptography;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Server.Tokens;

/// <summary>
/// A pool's signing keys: created on first use (RSA-2048, one per token use, distinct <c>kid</c>s), rotated when
/// <see cref="TokensOptions.SigningKeyRotationDays"/> says so, and published in the JWKS until every token a
/// retired key signed has expired (<see cref="MaxTokenLifetime"/>, the longest ID/access validity).
/// </summary>
internal sealed class SigningKeyStore(
    AppDb db,
    SecretProtector protector,
    SigningKeyCache cache,
    TimeProvider clock,
    IOptions<TokensOptions> options,
    ILogger<SigningKeyStore> logger)
{
    public static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromDays(1);

    /// <summary>The credentials that sign new tokens of <paramref name="use"/> for the pool.</summary>
    public async Task<SigningCredentials> SigningCredentialsAsync(string poolId, string use, CancellationToken ct)
    {
        var key = await CurrentAsync(poolId, use, ct);
        return new SigningCredentials(cache.PrivateKey(key), SecurityAlgorithms.RsaSha256);
    }

    /// <summary>The keys a verifier may meet: current ones and retired ones whose tokens can still be valid.</summary>
    public async Task<List<SigningKey>> PublishedAsync(string poolId, CancellationToken ct)
    {
        foreach (var use in SigningKeyUses.All)
        {
            await CurrentAsync(poolId, use, ct);
        }

        var now = clock.GetUtcNow();
        return await db.SigningKeys.AsNoTracking()
            .Where(k => k.PoolId == poolId && (k.PublishedUntil == null || k.PublishedUntil > now))
            .OrderBy(k => k.Use).ThenBy(k => k.Generation)
            .ToListAsync(ct);
    }

    /// <summary>The public key that verifies tokens signed by <paramref name="key"/>.</summary>
    public SecurityKey VerificationKey(SigningKey key) => cache.PublicKey(key);

    /// <summary>A published key by <c>kid</c>, for verifying a token this server issued.</summary>
    public async Task<SigningKey?> FindPublishedAsync(string poolId, string kid, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var key = cache.Published(poolId, kid, now);
        if (key is null)
        {
            // A row read a moment ago can only lack a PublishedUntil set since, which is a day ahead: same answer.
            key = await db.SigningKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Kid == kid && k.PoolId == poolId, ct);
            if (key is not null)
            {
                cache.RememberPublished(key, now);
            }
        }

        return key is not null && (key.PublishedUntil is null || key.PublishedUntil > now) ? key : null;
    }

    /// <summary>Starts signing with a new key now and retires the current one (an operator's or the schedule's rotation).</summary>
    public async Task<SigningKey> RotateAsync(string poolId, string use, CancellationToken ct)
    {
        var latest = await LatestAsync(poolId, use, ct);
        var created = await TryCreateAsync(poolId, use, (latest?.Generation ?? 0) + 1, ct);
        if (latest is not null)
        {
            var now = clock.GetUtcNow();
            var until = now + MaxTokenLifetime;
            var retired = await db.SigningKeys
                .Where(k => k.PoolId == poolId && k.Use == use && k.Generation <= latest.Generation && k.RetiredAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.RetiredAt, now).SetProperty(k => k.PublishedUntil, until), ct);
            if (retired > 0)
            {
                Log.SigningKeyRetired(logger, poolId, latest.Kid);
            }

            cache.Forget(poolId);
        }

        return created ?? await LatestAsync(poolId, use, ct)
            ?? throw new InvalidOperationException($"No signing key for pool {poolId} after rotation.");
    }

    private async Task<SigningKey> CurrentAsync(string poolId, string use, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var latest = cache.Current(poolId, use, now);
        if (latest is null && (latest = await LatestAsync(poolId, use, ct)) is not null)
        {
            cache.RememberCurrent(latest, now);
        }

        if (latest is null)
        {
            return await TryCreateAsync(poolId, use, 1, ct) ?? await LatestAsync(poolId, use, ct)
                ?? throw new InvalidOperationException($"No signing key for pool {poolId}.");
        }

        var rotationDays = options.Value.SigningKeyRotationDays;
        if (rotationDays > 0 && latest.CreatedAt + TimeSpan.FromDays(rotationDays) <= now)
        {
            return await RotateAsync(poolId, use, ct);
        }

        return latest;
    }

    private Task<SigningKey?> LatestAsync(string poolId, string use, CancellationToken ct) =>
        db.SigningKeys.AsNoTracking().Where(k => k.PoolId == poolId && k.Use == use && k.RetiredAt == null)
            .OrderByDescending(k => k.Generation).FirstOrDefaultAsync(ct);

    /// <summary>Creates generation <paramref name="generation"/>; null when another request created it first.</summary>
    private async Task<SigningKey?> TryCreateAsync(string poolId, string use, int generation, CancellationToken ct)
    {
        using var rsa = RSA.Create(2048);
        var publicPart = rsa.ExportParameters(includePrivateParameters: false);
        var now = clock.GetUtcNow();
        var key = new SigningKey
        {
            Kid = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24)),
            PoolId = poolId,
            Use = use,
            Generation = generation,
            PrivateKeyProtected = protector.Protect(SigningKeyCache.Purpose, Convert.ToBase64String(rsa.ExportPkcs8PrivateKey())),
            // RSAParameters of an exported public key always carry both members.
            Modulus = Base64Url.EncodeToString(publicPart.Modulus!),
            Exponent = Base64Url.EncodeToString(publicPart.Exponent!),
            CreatedAt = now,
            NotBefore = now,
        };
        db.SigningKeys.Add(key);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (db.IsUniqueViolation(ex))
        {
            db.Entry(key).State = EntityState.Detached;
            return null;
        }

        db.Entry(key).State = EntityState.Detached;
        cache.Forget(poolId);
        Log.SigningKeyCreated(logger, poolId, use, key.Kid);
        return key;
    }
}
