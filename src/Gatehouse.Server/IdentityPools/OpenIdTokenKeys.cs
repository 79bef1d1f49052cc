using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// The server's keys for identity-pool OpenID tokens (<see cref="OpenIdTokenKey"/> rows): the newest generation
/// signs; generation 1 is created on first use (RSA-2048, random <c>kid</c>, the PKCS#8 private key encrypted with
/// <see cref="SecretProtector"/> under <see cref="Purpose"/>); every key is published in the JWKS. Two nodes creating
/// the first key at once: the unique generation lets one win and the other reads the winner's.
/// </summary>
internal sealed class OpenIdTokenKeys(AppDb db, SecretProtector protector, ILogger<OpenIdTokenKeys> logger, TimeProvider clock)
{
    public const string Purpose = "IdentityPools.OpenIdTokenKey";
    private static readonly ConcurrentDictionary<string, RsaSecurityKey> PrivateKeys = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, RsaSecurityKey> PublicKeys = new(StringComparer.Ordinal);

    public async Task<SigningCredentials> SigningCredentialsAsync(CancellationToken ct)
    {
        var key = await LatestAsync(ct) ?? await TryCreateAsync(ct) ?? await LatestAsync(ct)
            ?? throw new InvalidOperationException("No OpenID token key after creating one.");
        var rsaKey = PrivateKeys.GetOrAdd(key.Kid, _ =>
        {
            var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(protector.Unprotect(Purpose, key.PrivateKeyProtected)), out int _);
            return new RsaSecurityKey(rsa) { KeyId = key.Kid };
        });
        return new SigningCredentials(rsaKey, SecurityAlgorithms.RsaSha256);
    }

    /// <summary>The keys of the JWKS, oldest first.</summary>
    public Task<List<OpenIdTokenKey>> PublishedAsync(CancellationToken ct) =>
        db.OpenIdTokenKeys.AsNoTracking().OrderBy(k => k.Generation).ToListAsync(ct);

    /// <summary>The public key with that <c>kid</c>, or null.</summary>
    public async Task<SecurityKey?> VerificationKeyAsync(string kid, CancellationToken ct)
    {
        if (PublicKeys.TryGetValue(kid, out var cached))
        {
            return cached;
        }

        if (await db.OpenIdTokenKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Kid == kid, ct) is not { } row)
        {
            return null;
        }

        return PublicKeys.GetOrAdd(row.Kid, _ => new RsaSecurityKey(new RSAParameters
        {
            Modulus = Base64Url.DecodeFromChars(row.Modulus),
            Exponent = Base64Url.DecodeFromChars(row.Exponent),
        })
        { KeyId = row.Kid });
    }

    private Task<OpenIdTokenKey?> LatestAsync(CancellationToken ct) =>
        db.OpenIdTokenKeys.AsNoTracking().OrderByDescending(k => k.Generation).FirstOrDefaultAsync(ct);

    private async Task<OpenIdTokenKey?> TryCreateAsync(CancellationToken ct)
    {
        using var rsa = RSA.Create(2048);
        var publicPart = rsa.ExportParameters(includePrivateParameters: false);
        var key = new OpenIdTokenKey
        {
            Kid = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24)),
            Generation = 1,
            PrivateKeyProtected = protector.Protect(Purpose, Convert.ToBase64String(rsa.ExportPkcs8PrivateKey())),
            // RSAParameters of an exported public key always carry both members.
            Modulus = Base64Url.EncodeToString(publicPart.Modulus!),
            Exponent = Base64Url.EncodeToString(publicPart.Exponent!),
            CreatedAt = clock.GetUtcNow(),
        };
        db.OpenIdTokenKeys.Add(key);
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
        Log.OpenIdTokenKeyCreated(logger, key.Kid);
        return key;
    }
}
