using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Devices;

/// <summary>AdminForgetDevice: forgets a device of a user and ends its sessions, as ForgetDevice does.</summary>
internal sealed class AdminForgetDevice(
    AdminDevice admin, DeviceStore store, TimeProvider clock, ILogger<AdminForgetDevice> logger)
    : IAwsHandler<AdminForgetDeviceRequest>
{
    public async Task<AwsResult> HandleAsync(AdminForgetDeviceRequest request, CancellationToken ct)
    {
        var (user, device, error) = await admin.FindAsync(request.UserPoolId, request.Username, request.DeviceKey, ct);
        if (device is null)
        {
            // FindAsync returns an error whenever it returns no device.
            return error!;
        }

        var revoked = await store.ForgetAsync(device, clock.GetUtcNow(), ct);
        // FindAsync returns a user whenever it returns a device.
        Log.DeviceForgotten(logger, device.PoolId, user!.Sub, revoked);
        return AwsResult.Empty;
    }
}
