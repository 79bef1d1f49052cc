using Gatehouse.Server.Auth;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.Devices;

/// <summary>
/// RejectUnknownDevice, one of RespondToAuthChallenge's ordered checks: on a pool that tracks devices, a DEVICE_KEY
/// in PASSWORD_VERIFIER, DEVICE_SRP_AUTH or DEVICE_PASSWORD_VERIFIER must name a device of the user the USERNAME
/// names, else ResourceNotFoundException "Device does not exist." (Cognito's answer for a forgotten device).
/// It runs before the SRP secret block or session is used up, because amazon-cognito-identity-js answers that
/// error by sending the same PASSWORD_VERIFIER again without the device. The answer is the same whether or not
/// the user exists, so it reveals nothing about users.
/// </summary>
internal sealed class DeviceKeyCheck(AppDb db, DeviceStore store)
{
    public async Task<AwsError?> RejectUnknownDeviceAsync(AuthAttempt attempt, CancellationToken ct)
    {
        if (attempt.Name is not (ChallengeNames.PasswordVerifier or DeviceChallengeNames.DeviceSrpAuth
                or DeviceChallengeNames.DevicePasswordVerifier)
            || !DeviceSettings.Tracks(attempt.Pool) || attempt.Parameter("DEVICE_KEY") is not { } key)
        {
            return null;
        }

        if (await store.FindAsync(attempt.Pool.Pool.Id, key, ct) is { } device
            && attempt.Parameter("USERNAME") is { } username
            && (await UserLookup.FindAsync(db, attempt.Pool, username, ct))?.Id == device.UserId)
        {
            return null;
        }

        return AwsError.ResourceNotFound(DeviceMessages.DeviceDoesNotExist);
    }
}
