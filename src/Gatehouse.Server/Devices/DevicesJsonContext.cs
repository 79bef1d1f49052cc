using System.Text.Json.Serialization;

namespace Gatehouse.Server.Devices;

/// <summary>JSON of the sealed device SRP blobs.</summary>
[JsonSerializable(typeof(DeviceSrpSession))]
[JsonSerializable(typeof(DeviceSecretBlock))]
internal sealed partial class DevicesJsonContext : JsonSerializerContext;
