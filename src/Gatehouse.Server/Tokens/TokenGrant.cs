namespace Gatehouse.Server.Tokens;

/// <summary>
/// What one issuance of tokens carries besides the subject: the issuer, the app client, the original
/// authentication (<see cref="AuthTime"/>, and <see cref="OriginJti"/> = the refresh-token family), this
/// issuance's time and its authentication event id.
/// </summary>
internal sealed record TokenGrant(
    string Issuer,
    string ClientId,
    DateTimeOffset AuthTime,
    DateTimeOffset IssuedAt,
    string OriginJti,
    string EventId);
