using System.Text.Json;
using Gatehouse.Server.Auth;

namespace Gatehouse.Server.Devices;

/// <summary>Seals and opens <see cref="DeviceSrpSession"/> and <see cref="DeviceSecretBlock"/>.</summary>
internal sealed class DeviceBlobs(AuthBlobSealer sealer)
{
    public string Seal(DeviceSrpSession session) =>
        sealer.Seal(DeviceSrpSession.Purpose,
            JsonSerializer.SerializeToUtf8Bytes(session, DevicesJsonContext.Default.DeviceSrpSession));

    public string Seal(DeviceSecretBlock block) =>
        sealer.Seal(DeviceSecretBlock.Purpose,
            JsonSerializer.SerializeToUtf8Bytes(block, DevicesJsonContext.Default.DeviceSecretBlock));

    public DeviceSrpSession? OpenSession(string? text) =>
        text is not null && sealer.Open(DeviceSrpSession.Purpose, text) is { } json
            ? JsonSerializer.Deserialize(json, DevicesJsonContext.Default.DeviceSrpSession)
            : null;

    public DeviceSecretBlock? OpenSecretBlock(string text) =>
        sealer.Open(DeviceSecretBlock.Purpose, text) is { } json
            ? JsonSerializer.Deserialize(json, DevicesJsonContext.Default.DeviceSecretBlock)
            : null;
}
