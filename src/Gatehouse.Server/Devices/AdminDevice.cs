using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.Devices;

/// <summary>
/// The first steps of the Admin* device operations: the pool (ResourceNotFoundException), the user by username,
/// alias or sub (UserNotFoundException), then, for a device key, a confirmed device of that user
/// (ResourceNotFoundException "Device does not exist.").
/// </summary>
internal sealed class AdminDevice(AppDb db, DeviceStore store)
{
    public async Task<(PoolSettings? Pool, User? User, AwsError? Error)> FindUserAsync(
        string poolId, string username, CancellationToken ct)
    {
        if (await PoolSettings.LoadAsync(db, poolId, ct) is not { } pool)
        {
            return (null, null, AwsError.ResourceNotFound(DeviceMessages.PoolNotFound(poolId)));
        }

        return await UserLookup.FindAsync(db, pool, username, ct) is { } user
            ? (pool, user, null)
            : (pool, null, AwsError.UserNotFound(UserMessages.UserDoesNotExist));
    }

    public async Task<(User? User, Device? Device, AwsError? Error)> FindAsync(
        string poolId, string username, string deviceKey, CancellationToken ct)
    {
        var (_, user, error) = await FindUserAsync(poolId, username, ct);
        if (user is null)
        {
            return (null, null, error);
        }

        return await store.FindConfirmedAsync(poolId, user.Id, deviceKey, ct) is { } device
            ? (user, device, null)
            : (user, null, AwsError.ResourceNotFound(DeviceMessages.DeviceDoesNotExist));
    }
}
