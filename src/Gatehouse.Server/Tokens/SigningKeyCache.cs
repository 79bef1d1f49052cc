using System.Collections.Concurrent;
using System.Security.Cryptography;
using Gatehouse.Server.Storage;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Server.Tokens;

/// <summary>
/// Signing keys in memory. Decrypted private keys and public verification keys by <c>kid</c>: a stored key never
/// changes (rotation adds a new one), so those entries are valid for the life of the process. Which key is current,
/// a published key row by <c>kid</c>, and a pool's JWKS document are read-through entries that live
/// <see cref="RowLifetime"/> (DESIGN.md "Scale-out": short-lived read-through caches): this node forgets a pool's
/// entries when it creates or rotates a key of that pool; another node's rotation is seen within the lifetime, and a
/// retired key stays published for a day, so tokens signed by either key verify meanwhile.
/// </summary>
internal sealed class SigningKeyCache(SecretProtector protector)
{
    public const string Purpose = "Tokens.SigningKey";
    public static readonly TimeSpan RowLifetime = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, RsaSecurityKey> _private = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RsaSecurityKey> _public = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string PoolId, string Use), Entry<SigningKey>> _current = new();
    private readonly ConcurrentDictionary<(string PoolId, string Kid), Entry<SigningKey>> _published = new();
    private readonly ConcurrentDictionary<string, Entry<string>> _jwks = new(StringComparer.Ordinal);

    public RsaSecurityKey PrivateKey(SigningKey key) => _private.GetOrAdd(key.Kid, _ =>
    {
        using var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(protector.Unprotect(Purpose, key.PrivateKeyProtected)), out int _);
        return new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: true)) { KeyId = key.Kid };
    });

    /// <summary>The key that verifies tokens of <paramref name="key"/>; one instance per kid, so the signature
    /// providers built for it are reused.</summary>
    public RsaSecurityKey PublicKey(SigningKey key) => _public.GetOrAdd(key.Kid, _ => new RsaSecurityKey(new RSAParameters
    {
        Modulus = Base64UrlEncoder.DecodeBytes(key.Modulus),
        Exponent = Base64UrlEncoder.DecodeBytes(key.Exponent),
    })
    { KeyId = key.Kid });

    public SigningKey? Current(string poolId, string use, DateTimeOffset now) =>
        Fresh(_current, (poolId, use), now);

    public void RememberCurrent(SigningKey key, DateTimeOffset now) =>
        _current[(key.PoolId, key.Use)] = new Entry<SigningKey>(key, now + RowLifetime);

    public SigningKey? Published(string poolId, string kid, DateTimeOffset now) => Fresh(_published, (poolId, kid), now);

    public void RememberPublished(SigningKey key, DateTimeOffset now) =>
        _published[(key.PoolId, key.Kid)] = new Entry<SigningKey>(key, now + RowLifetime);

    public string? Jwks(string poolId, DateTimeOffset now) => Fresh(_jwks, poolId, now);

    /// <summary>Keeps a JWKS document, never past the moment one of its keys stops being published.</summary>
    public void RememberJwks(string poolId, string document, IEnumerable<SigningKey> published, DateTimeOffset now) =>
        _jwks[poolId] = new Entry<string>(document,
            published.Select(k => k.PublishedUntil).Append(now + RowLifetime).Min(u => u ?? DateTimeOffset.MaxValue));

    /// <summary>Drops the pool's short-lived entries, after this node created or rotated one of its keys.</summary>
    public void Forget(string poolId)
    {
        _jwks.TryRemove(poolId, out _);
        foreach (var use in SigningKeyUses.All)
        {
            _current.TryRemove((poolId, use), out _);
        }
    }

    private static TValue? Fresh<TKey, TValue>(ConcurrentDictionary<TKey, Entry<TValue>> entries, TKey key, DateTimeOffset now)
        where TKey : notnull
        where TValue : class =>
        entries.TryGetValue(key, out var entry) && entry.Until > now && entry.Until - RowLifetime <= now ? entry.Value : null;

    private sealed record Entry<TValue>(TValue Value, DateTimeOffset Until);
}
