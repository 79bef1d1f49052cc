using Gatehouse.Server.Storage;

namespace Gatehouse.Server.PoolTransfer;

/// <summary>
/// A user and everything that makes the user whole: MFA settings and TOTP seed, recovery-code hashes, passkeys,
/// confirmed and pending devices (with their SRP verifiers), group names and federated identities.
/// <see cref="PasswordHash"/> is for files written by hand: a foreign hash (<see cref="ImportedPasswordHash"/>) for a
/// user who has no SRP verifier.
/// </summary>
internal sealed record PoolTransferUser
{
    public required User User { get; init; }

    public string? PasswordHash { get; init; }

    public UserMfa? Mfa { get; init; }

    public List<MfaRecoveryCode> RecoveryCodes { get; init; } = [];

    public List<WebAuthnCredential> Passkeys { get; init; } = [];

    public List<Device> Devices { get; init; } = [];

    public List<string> Groups { get; init; } = [];

    public List<FederatedIdentity> Identities { get; init; } = [];
}
