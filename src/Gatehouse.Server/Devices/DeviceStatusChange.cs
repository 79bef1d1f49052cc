using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Devices;

/// <summary>
/// UpdateDeviceStatus and AdminUpdateDeviceStatus: sets <c>dev:device_remembered_status</c> (the model's enum,
/// <c>remembered</c> / <c>not_remembered</c>, checked by the model validator). A not-remembered device no longer
/// signs in with device SRP, so MFA applies to it again.
/// </summary>
internal sealed class DeviceStatusChange(AppDb db, TimeProvider clock, ILogger<DeviceStatusChange> logger)
{
    public async Task<AwsResult> ApplyAsync(Device device, string? status, string sub, CancellationToken ct)
    {
        if (status is null)
        {
            return AwsError.InvalidParameter(DeviceMessages.RememberedStatusRequired);
        }

        // The device comes from DeviceStore's tracking query, so the change is saved.
        device.RememberedStatus = status;
        device.LastModifiedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        Log.DeviceStatusUpdated(logger, device.PoolId, sub, status);
        return AwsResult.Empty;
    }
}
