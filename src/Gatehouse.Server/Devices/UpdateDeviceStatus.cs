using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Devices;

/// <summary>UpdateDeviceStatus: the caller (by access token) remembers or stops remembering one of its devices.</summary>
internal sealed class UpdateDeviceStatus(SelfDevice self, DeviceStatusChange change) : IAwsHandler<UpdateDeviceStatusRequest>
{
    public async Task<AwsResult> HandleAsync(UpdateDeviceStatusRequest request, CancellationToken ct)
    {
        var (caller, device, error) = await self.FindAsync(request.AccessToken, request.DeviceKey, ct);
        // FindAsync returns a caller whenever it returns a device.
        return device is null ? error! : await change.ApplyAsync(device, request.DeviceRememberedStatus, caller!.User.Sub, ct);
    }
}
