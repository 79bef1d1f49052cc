namespace Gatehouse.Server.Storage;

/// <summary>
/// One device a user signed in from, in a pool that tracks devices (<c>DeviceConfiguration</c> set). A row is
/// created when a sign-in returns <c>NewDeviceMetadata</c> and is pending (<see cref="ConfirmedAt"/> null, no
/// verifier) until ConfirmDevice stores the device's SRP salt and verifier; only confirmed devices are listed.
/// <see cref="DeviceKey"/> is <c>&lt;region&gt;_&lt;uuid&gt;</c> (unique); <see cref="DeviceGroupKey"/> is the
/// device SRP "pool name". Salt: lower-case hex of the bytes the client sent; verifier: lower-case hex of
/// <c>v</c>, encrypted with <see cref="SecretProtector"/> under the purpose <c>device-srp-verifier</c> (format v1).
/// A forgotten device is deleted.
/// </summary>
internal sealed class Device
{
    public long Id { get; set; }

    public required string PoolId { get; set; }

    public long UserId { get; set; }

    public required string DeviceKey { get; set; }

    public required string DeviceGroupKey { get; set; }

    public string? SaltHex { get; set; }

    public string? VerifierProtected { get; set; }

    public string? Name { get; set; }

    /// <summary><c>remembered</c> or <c>not_remembered</c>; null while pending.</summary>
    public string? RememberedStatus { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public DateTimeOffset LastModifiedAt { get; set; }

    public DateTimeOffset? LastAuthenticatedAt { get; set; }

    public string? LastIp { get; set; }
}
