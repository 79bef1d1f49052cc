using Gatehouse.Server.Users;

namespace Gatehouse.Server.Devices;

/// <summary>
/// The pool's <c>DeviceConfiguration</c> as the sign-in reads it. API reference, DeviceConfigurationType: "When
/// you provide a value for any property of DeviceConfiguration, you activate the device remembering for the user
/// pool"; <c>ChallengeRequiredOnNewDevice</c>: "a remembered device can sign in with device authentication
/// instead of SMS and TOTP factors"; <c>DeviceOnlyRememberedOnUserPrompt</c>: ConfirmDevice leaves the device
/// not remembered until UpdateDeviceStatus remembers it.
/// </summary>
internal static class DeviceSettings
{
    public const string Remembered = "remembered";
    public const string NotRemembered = "not_remembered";

    public static bool Tracks(PoolSettings pool) => pool.Type.DeviceConfiguration is not null;

    /// <summary>Remembered devices sign in with DEVICE_SRP_AUTH, which stands in for MFA.</summary>
    public static bool DeviceAuthReplacesMfa(PoolSettings pool) =>
        pool.Type.DeviceConfiguration?.ChallengeRequiredOnNewDevice == true;

    public static bool RememberedOnlyOnPrompt(PoolSettings pool) =>
        pool.Type.DeviceConfiguration?.DeviceOnlyRememberedOnUserPrompt == true;
}
