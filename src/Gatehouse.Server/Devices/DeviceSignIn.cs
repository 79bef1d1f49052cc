using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Devices;

/// <summary>
/// The device of a completed sign-in: its key (the access token's <c>device_key</c>, recorded on the refresh token)
/// and, for a device the client has not confirmed yet, the <c>NewDeviceMetadata</c> to return.
/// </summary>
internal sealed record DeviceSignIn(string DeviceKey, NewDeviceMetadataType? NewDevice);
