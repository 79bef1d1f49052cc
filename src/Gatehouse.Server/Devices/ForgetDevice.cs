using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Devices;

/// <summary>
/// ForgetDevice: the caller (by access token) forgets one of its devices; the device's sessions end with it
/// (<see cref="DeviceStore.ForgetAsync"/>), and its key is then "Device does not exist." everywhere.
/// </summary>
internal sealed class ForgetDevice(SelfDevice self, DeviceStore store, TimeProvider clock, ILogger<ForgetDevice> logger)
    : IAwsHandler<ForgetDeviceRequest>
{
    public async Task<AwsResult> HandleAsync(ForgetDeviceRequest request, CancellationToken ct)
    {
        var (caller, device, error) = await self.FindAsync(request.AccessToken, request.DeviceKey, ct);
        if (device is null)
        {
            // FindAsync returns an error whenever it returns no device.
            return error!;
        }

        var revoked = await store.ForgetAsync(device, clock.GetUtcNow(), ct);
        // FindAsync returns a caller whenever it returns a device.
        Log.DeviceForgotten(logger, device.PoolId, caller!.User.Sub, revoked);
        return AwsResult.Empty;
    }
}
