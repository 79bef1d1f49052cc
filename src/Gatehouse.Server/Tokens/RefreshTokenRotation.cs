using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Tokens;

/// <summary>
/// An app client's refresh-token rotation, as CreateUserPoolClient/UpdateUserPoolClient stored it
/// (<c>RefreshTokenRotation: {Feature: ENABLED|DISABLED, RetryGracePeriodSeconds: 0..60}</c>); absent means DISABLED.
/// With rotation on, refreshing goes through GetTokensFromRefreshToken only (RefreshTokenRotationType in the API
/// reference; the developer guide's "Refresh tokens" page: "You can't authenticate with REFRESH_TOKEN_AUTH in app
/// clients with refresh token rotation enabled").
/// </summary>
internal sealed record RefreshTokenRotation(bool Enabled, TimeSpan GracePeriod)
{
    public static RefreshTokenRotation Disabled { get; } = new(false, TimeSpan.Zero);

    public static RefreshTokenRotation Read(UserPoolClientType settings) =>
        settings.RefreshTokenRotation is { Feature: "ENABLED" } rotation
            ? new RefreshTokenRotation(true, TimeSpan.FromSeconds(rotation.RetryGracePeriodSeconds ?? 0))
            : Disabled;
}
