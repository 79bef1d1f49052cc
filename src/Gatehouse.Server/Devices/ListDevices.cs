using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Tokens;

namespace Gatehouse.Server.Devices;

/// <summary>ListDevices: the caller's (by access token) confirmed devices, remembered or not.</summary>
internal sealed class ListDevices(AccessTokenAuthenticator authenticator, DeviceListing listing)
    : IAwsHandler<ListDevicesRequest>
{
    public async Task<AwsResult> HandleAsync(ListDevicesRequest request, CancellationToken ct)
    {
        var (caller, error) = await authenticator.AuthenticateAsync(request.AccessToken, ct);
        if (caller is null)
        {
            // AuthenticateAsync returns an error whenever it returns no caller.
            return error!;
        }

        var (devices, token, invalid) = await listing.PageAsync(caller.User.Id, request.Limit, request.PaginationToken, ct);
        return invalid ?? AwsResult.Ok(new ListDevicesResponse { Devices = devices, PaginationToken = token });
    }
}
