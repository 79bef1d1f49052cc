using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Devices;

/// <summary>AdminUpdateDeviceStatus: remembers or stops remembering a device of a user.</summary>
internal sealed class AdminUpdateDeviceStatus(AdminDevice admin, DeviceStatusChange change)
    : IAwsHandler<AdminUpdateDeviceStatusRequest>
{
    public async Task<AwsResult> HandleAsync(AdminUpdateDeviceStatusRequest request, CancellationToken ct)
    {
        var (user, device, error) = await admin.FindAsync(request.UserPoolId, request.Username, request.DeviceKey, ct);
        // FindAsync returns a user whenever it returns a device.
        return device is null ? error! : await change.ApplyAsync(device, request.DeviceRememberedStatus, user!.Sub, ct);
    }
}
