using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.Devices;

/// <summary>
/// ConfirmDevice: the caller (by access token) stores the SRP salt and verifier of a device its sign-in returned in
/// NewDeviceMetadata, and its name. The device is then remembered, unless the pool remembers devices only on the
/// user's prompt (DeviceOnlyRememberedOnUserPrompt): then it stays not remembered and UserConfirmationNecessary is
/// true, for the app to ask and call UpdateDeviceStatus. A device of another user or an unknown key is
/// ResourceNotFoundException; a device already confirmed is DeviceKeyExistsException.
/// </summary>
internal sealed class ConfirmDevice(
    AppDb db, AccessTokenAuthenticator authenticator, DeviceStore store, SecretProtector protector, TimeProvider clock,
    ILogger<ConfirmDevice> logger) : IAwsHandler<ConfirmDeviceRequest>
{
    public async Task<AwsResult> HandleAsync(ConfirmDeviceRequest request, CancellationToken ct)
    {
        var (caller, error) = await authenticator.AuthenticateAsync(request.AccessToken, ct);
        if (caller is null)
        {
            // AuthenticateAsync returns an error whenever it returns no caller.
            return error!;
        }

        if (await store.FindAsync(caller.Pool.Id, request.DeviceKey, ct) is not { } device
            || device.UserId != caller.User.Id)
        {
            return AwsError.ResourceNotFound(DeviceMessages.DeviceDoesNotExist);
        }

        if (device.ConfirmedAt is not null)
        {
            return AwsError.DeviceKeyExists(DeviceMessages.DeviceAlreadyConfirmed);
        }

        var (saltHex, verifier, invalid) = DeviceVerifier.Read(request.DeviceSecretVerifierConfig);
        if (invalid is not null)
        {
            return invalid;
        }

        var onPrompt = DeviceSettings.RememberedOnlyOnPrompt(PoolSettings.Read(caller.Pool));
        var now = clock.GetUtcNow();
        device.SaltHex = saltHex;
        device.VerifierProtected = protector.Protect(DeviceVerifier.ProtectPurpose, Auth.SrpMath.ToHex(verifier));
        device.Name = request.DeviceName;
        device.RememberedStatus = onPrompt ? DeviceSettings.NotRemembered : DeviceSettings.Remembered;
        device.ConfirmedAt = now;
        device.LastModifiedAt = now;
        await db.SaveChangesAsync(ct);
        Log.DeviceConfirmed(logger, caller.Pool.Id, caller.User.Sub, device.RememberedStatus);
        return AwsResult.Ok(new ConfirmDeviceResponse { UserConfirmationNecessary = onPrompt });
    }
}
