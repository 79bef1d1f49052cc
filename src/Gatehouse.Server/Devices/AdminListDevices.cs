using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Devices;

/// <summary>AdminListDevices: a user's confirmed devices, remembered or not.</summary>
internal sealed class AdminListDevices(AdminDevice admin, DeviceListing listing) : IAwsHandler<AdminListDevicesRequest>
{
    public async Task<AwsResult> HandleAsync(AdminListDevicesRequest request, CancellationToken ct)
    {
        var (_, user, error) = await admin.FindUserAsync(request.UserPoolId, request.Username, ct);
        if (user is null)
        {
            // FindUserAsync returns an error whenever it returns no user.
            return error!;
        }

        var (devices, token, invalid) = await listing.PageAsync(user.Id, request.Limit, request.PaginationToken, ct);
        return invalid ?? AwsResult.Ok(new AdminListDevicesResponse { Devices = devices, PaginationToken = token });
    }
}
