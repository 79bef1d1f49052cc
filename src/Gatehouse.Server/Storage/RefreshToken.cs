namespace Gatehouse.Server.Storage;

/// <summary>
/// One issued refresh token, stored only as the SHA-256 of its text (<see cref="TokenHash"/>, lower-case hex;
/// the token format is in <c>Tokens/RefreshTokenFormat</c>). Every token of one sign-in shares a
/// <see cref="FamilyId"/>, which is also the <c>origin_jti</c> of every ID and access token of that sign-in:
/// revoking any row of a family revokes the family and, through <c>origin_jti</c>, its access tokens.
/// With rotation, a used token gets <see cref="RotatedAt"/> (set once, by a conditional update) and the next
/// token of the family is a new row.
/// </summary>
internal sealed class RefreshToken
{
    public long Id { get; set; }

    public required string TokenHash { get; set; }

    public required string FamilyId { get; set; }

    public required string PoolId { get; set; }

    public required string ClientId { get; set; }

    public long UserId { get; set; }

    /// <summary>The original authentication, kept for <c>auth_time</c> on every refresh.</summary>
    public DateTimeOffset AuthTime { get; set; }

    /// <summary>
    /// The OAuth scopes of a hosted-UI sign-in, space-separated, which every refresh grants again; null for a sign-in
    /// through the API, whose access tokens carry <c>aws.cognito.signin.user.admin</c>.
    /// </summary>
    public string? Scopes { get; set; }

    /// <summary>
    /// The device the session signed in with (<see cref="Device.DeviceKey"/>), whose key every refresh must
    /// present and every access token carries as <c>device_key</c>; null without device tracking.
    /// </summary>
    public string? DeviceKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? RotatedAt { get; set; }
}
