using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Devices;

internal static class DevicesModule
{
    public static IServiceCollection AddDevices(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<DeviceBlobs>();
        services.AddSingleton<ClientAddress>();
        services.AddScoped<DeviceStore>();
        services.AddScoped<DeviceTracking>();
        services.AddScoped<DeviceKeyCheck>();
        services.AddScoped<DeviceSrpChallenge>();
        services.AddScoped<SelfDevice>();
        services.AddScoped<AdminDevice>();
        services.AddScoped<DeviceListing>();
        services.AddScoped<DeviceStatusChange>();
        services.AddScoped<RefreshDeviceCheck>();
        services.AddAwsOperation<ConfirmDeviceRequest, ConfirmDevice>("ConfirmDevice");
        services.AddAwsOperation<GetDeviceRequest, GetDevice>("GetDevice");
        services.AddAwsOperation<ListDevicesRequest, ListDevices>("ListDevices");
        services.AddAwsOperation<UpdateDeviceStatusRequest, UpdateDeviceStatus>("UpdateDeviceStatus");
        services.AddAwsOperation<ForgetDeviceRequest, ForgetDevice>("ForgetDevice");
        services.AddAwsOperation<AdminGetDeviceRequest, AdminGetDevice>("AdminGetDevice");
        services.AddAwsOperation<AdminListDevicesRequest, AdminListDevices>("AdminListDevices");
        services.AddAwsOperation<AdminUpdateDeviceStatusRequest, AdminUpdateDeviceStatus>("AdminUpdateDeviceStatus");
        services.AddAwsOperation<AdminForgetDeviceRequest, AdminForgetDevice>("AdminForgetDevice");
        return services;
    }
}
