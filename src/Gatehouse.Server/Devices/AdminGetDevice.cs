using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Devices;

/// <summary>AdminGetDevice: one confirmed device of a user.</summary>
internal sealed class AdminGetDevice(AdminDevice admin) : IAwsHandler<AdminGetDeviceRequest>
{
    public async Task<AwsResult> HandleAsync(AdminGetDeviceRequest request, CancellationToken ct)
    {
        var (_, device, error) = await admin.FindAsync(request.UserPoolId, request.Username, request.DeviceKey, ct);
        // FindAsync returns an error whenever it returns no device.
        return device is null
            ? error!
            : AwsResult.Ok(new AdminGetDeviceResponse { Device = DeviceShapes.ToDeviceType(device) });
    }
}
