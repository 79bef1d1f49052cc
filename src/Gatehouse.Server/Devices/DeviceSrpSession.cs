namespace Gatehouse.Server.Devices;

/// <summary>
/// The <c>Session</c> of the DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER challenges: sealed by
/// <c>Auth/AuthBlobSealer</c> (purpose <c>device-srp-session</c>) around this record's JSON, format v1. It names the
/// pool, client, user (stored username), device and challenge; <see cref="Id"/> is recorded in the
/// AuthSessionLedger when DEVICE_SRP_AUTH is answered, so it is used once on any node.
/// </summary>
internal sealed record DeviceSrpSession(
    string Id,
    string PoolId,
    string ClientId,
    string Username,
    string DeviceKey,
    string ChallengeName,
    long ExpiresAtMs)
{
    public const string Purpose = "device-srp-session";
}
