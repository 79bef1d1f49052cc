using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Devices;

/// <summary>
/// A device as the model's <c>DeviceType</c>: the key, the attributes Cognito lists (<c>device_status</c>,
/// <c>device_name</c>, <c>dev:device_remembered_status</c>, <c>last_ip_used</c>; Amplify's fetchDevices reads
/// <c>device_name</c>) and the three dates.
/// </summary>
internal static class DeviceShapes
{
    public static DeviceType ToDeviceType(Device device)
    {
        var attributes = new List<AttributeType> { new() { Name = "device_status", Value = "valid" } };
        if (device.Name is { } name)
        {
            attributes.Add(new AttributeType { Name = "device_name", Value = name });
        }

        if (device.RememberedStatus is { } status)
        {
            attributes.Add(new AttributeType { Name = "dev:device_remembered_status", Value = status });
        }

        if (device.LastIp is { } ip)
        {
            attributes.Add(new AttributeType { Name = "last_ip_used", Value = ip });
        }

        return new DeviceType
        {
            DeviceKey = device.DeviceKey,
            DeviceAttributes = attributes,
            DeviceCreateDate = device.CreatedAt,
            DeviceLastModifiedDate = device.LastModifiedAt,
            DeviceLastAuthenticatedDate = device.LastAuthenticatedAt,
        };
    }
}
