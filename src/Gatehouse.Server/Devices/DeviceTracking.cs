using System.Security.Cryptography;
using Gatehouse.Server.Auth;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Devices;

/// <summary>
/// The two places a sign-in meets device tracking (developer guide, "Working with user devices"):
/// <see cref="ChallengeAsync"/>, right after the user's status checks, answers DEVICE_SRP_AUTH when DEVICE_KEY names
/// a remembered device of this user and the pool lets device authentication replace MFA
/// (ChallengeRequiredOnNewDevice); <see cref="TrackAsync"/>, when the tokens are minted, records the device's
/// last authentication (time and IP) or, when the request named no device of this user, issues a new pending
/// device whose key and group key go back as NewDeviceMetadata. A DEVICE_KEY of another user is treated as none.
/// </summary>
internal sealed class DeviceTracking(
    AppDb db,
    DeviceStore store,
    DeviceBlobs blobs,
    ClientAddress address,
    TimeProvider clock,
    ILogger<DeviceTracking> logger)
{
    public async Task<AuthOutcome?> ChallengeAsync(AuthAttempt attempt, User user, CancellationToken ct)
    {
        if (!DeviceSettings.DeviceAuthReplacesMfa(attempt.Pool) || attempt.Parameter("DEVICE_KEY") is not { } key
            || await store.FindConfirmedAsync(attempt.Pool.Pool.Id, user.Id, key, ct) is not { } device
            || !string.Equals(device.RememberedStatus, DeviceSettings.Remembered, StringComparison.Ordinal))
        {
            return null;
        }

        var session = new DeviceSrpSession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            attempt.Pool.Pool.Id, attempt.ClientId, user.Username, device.DeviceKey, DeviceChallengeNames.DeviceSrpAuth,
            (clock.GetUtcNow() + SignInCompletion.SessionValidity(attempt)).ToUnixTimeMilliseconds());
        return new AuthOutcome(
            ChallengeName: DeviceChallengeNames.DeviceSrpAuth,
            Session: blobs.Seal(session),
            ChallengeParameters: new Dictionary<string, string>(StringComparer.Ordinal));
    }

    public async Task<DeviceSignIn?> TrackAsync(AuthAttempt attempt, User user, CancellationToken ct)
    {
        if (!DeviceSettings.Tracks(attempt.Pool))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var poolId = attempt.Pool.Pool.Id;
        if (attempt.Parameter("DEVICE_KEY") is { } key && await store.FindAsync(poolId, key, ct) is { } known
            && known.UserId == user.Id)
        {
            known.LastAuthenticatedAt = now;
            known.LastIp = address.Current();
            await db.SaveChangesAsync(ct);
            // A device the client never confirmed gets its metadata again, so the client can still confirm it.
            return new DeviceSignIn(known.DeviceKey, known.ConfirmedAt is null ? Metadata(known) : null);
        }

        await store.DropStalePendingAsync(user.Id, now, ct);
        var device = new Device
        {
            PoolId = poolId,
            UserId = user.Id,
            DeviceKey = NewDeviceKey(poolId),
            DeviceGroupKey = await store.GroupKeyAsync(user.Id, ct) ?? NewGroupKey(),
            CreatedAt = now,
            LastModifiedAt = now,
            LastAuthenticatedAt = now,
            LastIp = address.Current(),
        };
        db.Devices.Add(device);
        await db.SaveChangesAsync(ct);
        Log.DeviceIssued(logger, poolId, user.Sub);
        return new DeviceSignIn(device.DeviceKey, Metadata(device));
    }

    private static NewDeviceMetadataType Metadata(Device device) =>
        new() { DeviceKey = device.DeviceKey, DeviceGroupKey = device.DeviceGroupKey };

    /// <summary><c>&lt;region&gt;_&lt;uuid&gt;</c>, the region being the pool id's prefix (protocol-notes, DeviceKey).</summary>
    public static string NewDeviceKey(string poolId) =>
        poolId[..poolId.IndexOf('_', StringComparison.Ordinal)] + "_" + Guid.NewGuid().ToString();

    /// <summary>A dash and 9 random letters or digits, the shape of Cognito's device group keys.</summary>
    private static string NewGroupKey() =>
        "-" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 9);
}
