namespace Gatehouse.Server.HostedUi;

/// <summary>
/// The sealed <c>mfa</c> field of the hosted-UI MFA pages (<see cref="HostedMfa"/>, purpose <c>hosted-ui-mfa</c>, so no
/// API Session and no other hosted-UI state passes for it). It wraps the MFA step's API Session
/// (<c>Mfa/MfaSession</c>: pool, client, user, challenge, expiry, the hash of a sent code, never the code, used
/// once) and adds what the page shows again: the masked destination of a sent code, the factors of the choice. Format v1: this record's
/// JSON; <see cref="ExpiresAt"/> in epoch milliseconds.
/// </summary>
internal sealed record HostedMfaState(
    string PoolId,
    string ClientId,
    string Username,
    string Sub,
    string Challenge,
    string Session,
    string? Destination,
    IReadOnlyList<string>? Factors,
    long ExpiresAt);
