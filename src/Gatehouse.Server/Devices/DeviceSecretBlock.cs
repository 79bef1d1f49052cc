namespace Gatehouse.Server.Devices;

/// <summary>
/// The <c>SECRET_BLOCK</c> of DEVICE_PASSWORD_VERIFIER, what the server must remember between DEVICE_SRP_AUTH and
/// the client's PASSWORD_CLAIM_SIGNATURE: sealed by <c>Auth/AuthBlobSealer</c> (purpose
/// <c>device-srp-secret-block</c>) around this record's JSON, format v1. <see cref="Id"/> makes it single-use;
/// <c>b</c>, <c>B</c> and <c>A</c> are lower-case hex.
/// </summary>
internal sealed record DeviceSecretBlock(
    string Id,
    string PoolId,
    string ClientId,
    string Username,
    string DeviceKey,
    string SmallB,
    string LargeB,
    string LargeA,
    long IssuedAtMs)
{
    public const string Purpose = "device-srp-secret-block";
}
