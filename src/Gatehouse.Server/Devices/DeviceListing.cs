using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Devices;

/// <summary>
/// One page of a user's confirmed devices, oldest first, for ListDevices and AdminListDevices: at most Limit
/// (default and maximum 60), and a PaginationToken (<see cref="DeviceListToken"/>) when more may follow.
/// </summary>
internal sealed class DeviceListing(DeviceStore store)
{
    public async Task<(IReadOnlyList<DeviceType>? Devices, string? Token, AwsError? Error)> PageAsync(
        long userId, int? limit, string? paginationToken, CancellationToken ct)
    {
        if (DeviceListToken.Read(paginationToken) is not { } afterId)
        {
            return (null, null, AwsError.InvalidParameter(DeviceMessages.InvalidPaginationToken));
        }

        var take = DeviceListToken.Limit(limit);
        var rows = await store.ListAsync(userId, afterId, take + 1, ct);
        var page = rows.Take(take).ToList();
        var token = rows.Count > take ? DeviceListToken.Write(page[^1].Id) : null;
        return ([.. page.Select(DeviceShapes.ToDeviceType)], token, null);
    }
}
