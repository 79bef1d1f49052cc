namespace Gatehouse.Server.Devices;

/// <summary>The model's ChallengeNameType values of device authentication.</summary>
internal static class DeviceChallengeNames
{
    public const string DeviceSrpAuth = "DEVICE_SRP_AUTH";
    public const string DevicePasswordVerifier = "DEVICE_PASSWORD_VERIFIER";
}
