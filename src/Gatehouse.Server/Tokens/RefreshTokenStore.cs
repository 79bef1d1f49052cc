using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Tokens;

/// <summary>
/// Issues, finds, rotates and revokes refresh tokens (format in <see cref="RefreshTokenFormat"/>, row in
/// <see cref="RefreshToken"/>). Rotation and revocation are conditional updates in the store, so parallel
/// requests on any node see one winner.
/// </summary>
internal sealed class RefreshTokenStore(AppDb db)
{
    // Compiled: every refresh and every access-token check runs these.
    private static readonly Func<AppDb, string, CancellationToken, Task<RefreshToken?>> ByHash =
        EF.CompileAsyncQuery((AppDb db, string hash, CancellationToken ct) =>
            db.RefreshTokens.AsNoTracking().FirstOrDefault(t => t.TokenHash == hash));

    private static readonly Func<AppDb, string, IAsyncEnumerable<DateTimeOffset?>> FamilyRevocations =
        EF.CompileAsyncQuery((AppDb db, string familyId) =>
            db.RefreshTokens.AsNoTracking().Where(t => t.FamilyId == familyId).Select(t => t.RevokedAt));

    /// <summary>Stores a new token of <paramref name="familyId"/> and returns its text (shown once, never stored).</summary>
    public async Task<string> IssueAsync(
        string poolId, string clientId, long userId, string familyId, DateTimeOffset authTime,
        DateTimeOffset now, TimeSpan validity, string? scopes, string? deviceKey,
        CancellationToken ct)
    {
        var token = RefreshTokenFormat.New();
        db.RefreshTokens.Add(new RefreshToken
        {
            TokenHash = RefreshTokenFormat.Hash(token),
            FamilyId = familyId,
            PoolId = poolId,
            ClientId = clientId,
            UserId = userId,
            AuthTime = authTime,
            CreatedAt = now,
            ExpiresAt = now + validity,
            Scopes = scopes,
            DeviceKey = deviceKey,
        });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public Task<RefreshToken?> FindAsync(string token, CancellationToken ct)
    {
        return ByHash(db, RefreshTokenFormat.Hash(token), ct);
    }

    /// <summary>
    /// Marks a token used by rotation; true for exactly one caller. The caller decides whether a token rotated by
    /// someone else is still inside its grace period.
    /// </summary>
    public async Task<bool> TryRotateAsync(long id, DateTimeOffset now, CancellationToken ct) =>
        await db.RefreshTokens.Where(t => t.Id == id && t.RotatedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RotatedAt, now), ct) == 1;

    /// <summary>Whether the family is revoked; a family with no rows (user deleted) counts as revoked.</summary>
    public async Task<bool> IsFamilyRevokedAsync(string familyId, CancellationToken ct)
    {
        var rows = 0;
        await foreach (var revokedAt in FamilyRevocations(db, familyId).WithCancellation(ct))
        {
            if (revokedAt is not null)
            {
                return true;
            }

            rows++;
        }

        return rows == 0;
    }

    public Task<int> RevokeFamilyAsync(string familyId, DateTimeOffset now, CancellationToken ct) =>
        db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);

    /// <summary>Global sign-out: every family of the user, and with them every access token they issued.</summary>
    public Task<int> RevokeUserAsync(long userId, DateTimeOffset now, CancellationToken ct) =>
        db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
}
