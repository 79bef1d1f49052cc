using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Devices;

/// <summary>GetDevice: one confirmed device of the caller (by access token).</summary>
internal sealed class GetDevice(SelfDevice self) : IAwsHandler<GetDeviceRequest>
{
    public async Task<AwsResult> HandleAsync(GetDeviceRequest request, CancellationToken ct)
    {
        var (_, device, error) = await self.FindAsync(request.AccessToken, request.DeviceKey, ct);
        // FindAsync returns an error whenever it returns no device.
        return device is null ? error! : AwsResult.Ok(new GetDeviceResponse { Device = DeviceShapes.ToDeviceType(device) });
    }
}
