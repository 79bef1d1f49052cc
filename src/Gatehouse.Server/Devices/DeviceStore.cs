using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Devices;

/// <summary>
/// Finds, lists and forgets devices. A device key is unique, so a key names one device of one user; callers check
/// that it is the user's. Forgetting a device deletes it and revokes the refresh-token families signed in with it
/// (the only way to end another device's session, amazon-cognito-identity-js issue #200).
/// </summary>
internal sealed class DeviceStore(AppDb db)
{
    // Compiled: every sign-in that carries DEVICE_KEY runs it.
    private static readonly Func<AppDb, string, string, CancellationToken, Task<Device?>> ByKey =
        EF.CompileAsyncQuery((AppDb db, string poolId, string key, CancellationToken ct) =>
            db.Devices.FirstOrDefault(d => d.PoolId == poolId && d.DeviceKey == key));

    public Task<Device?> FindAsync(string poolId, string deviceKey, CancellationToken ct) => ByKey(db, poolId, deviceKey, ct);

    /// <summary>A confirmed device of the user, or null (unknown, pending, or another user's).</summary>
    public async Task<Device?> FindConfirmedAsync(string poolId, long userId, string deviceKey, CancellationToken ct) =>
        await FindAsync(poolId, deviceKey, ct) is { ConfirmedAt: not null } device && device.UserId == userId
            ? device
            : null;

    /// <summary>The user's confirmed devices after <paramref name="afterId"/>, oldest first.</summary>
    public Task<List<Device>> ListAsync(long userId, long afterId, int limit, CancellationToken ct) =>
        db.Devices.AsNoTracking()
            .Where(d => d.UserId == userId && d.ConfirmedAt != null && d.Id > afterId)
            .OrderBy(d => d.Id)
            .Take(limit)
            .ToListAsync(ct);

    /// <summary>Deletes the device and revokes its sessions; returns how many refresh tokens were revoked.</summary>
    public async Task<int> ForgetAsync(Device device, DateTimeOffset now, CancellationToken ct)
    {
        var revoked = await db.RefreshTokens
            .Where(t => t.UserId == device.UserId && t.DeviceKey == device.DeviceKey && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        await db.Devices.Where(d => d.Id == device.Id).ExecuteDeleteAsync(ct);
        return revoked;
    }

    /// <summary>
    /// Pending devices (NewDeviceMetadata never confirmed) older than a day are dropped when the user gets a new
    /// one, so sign-ins from clients that never confirm do not pile up rows.
    /// </summary>
    public Task<int> DropStalePendingAsync(long userId, DateTimeOffset now, CancellationToken ct)
    {
        var before = now - TimeSpan.FromDays(1);
        return db.Devices.Where(d => d.UserId == userId && d.ConfirmedAt == null && d.CreatedAt < before)
            .ExecuteDeleteAsync(ct);
    }

    /// <summary>The user's device group key: the one of its existing devices, or null when it has none.</summary>
    public Task<string?> GroupKeyAsync(long userId, CancellationToken ct) =>
        db.Devices.AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.Id)
            .Select(d => d.DeviceGroupKey).FirstOrDefaultAsync(ct);
}
