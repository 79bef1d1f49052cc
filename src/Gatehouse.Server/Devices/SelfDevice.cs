using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;

namespace Gatehouse.Server.Devices;

/// <summary>
/// The first steps of GetDevice, UpdateDeviceStatus and ForgetDevice: the caller by its access token, then a
/// confirmed device of that caller (any other key, another user's included, is "Device does not exist.").
/// </summary>
internal sealed class SelfDevice(AccessTokenAuthenticator authenticator, DeviceStore store)
{
    public async Task<(AuthenticatedUser? Caller, Device? Device, AwsError? Error)> FindAsync(
        string? accessToken, string deviceKey, CancellationToken ct)
    {
        var (caller, error) = await authenticator.AuthenticateAsync(accessToken ?? "", ct);
        if (caller is null)
        {
            return (null, null, error);
        }

        return await store.FindConfirmedAsync(caller.Pool.Id, caller.User.Id, deviceKey, ct) is { } device
            ? (caller, device, null)
            : (caller, null, AwsError.ResourceNotFound(DeviceMessages.DeviceDoesNotExist));
    }
}
