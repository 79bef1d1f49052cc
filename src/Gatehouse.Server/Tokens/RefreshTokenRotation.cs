using System.Text.Json;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Tokens;

/// <summary>
/// An app client's refresh-token rotation (<c>RefreshTokenRotation: {Feature: ENABLED|DISABLED,
/// RetryGracePeriodSeconds: 0..60}</c> of CreateUserPoolClient, added to the API after the 2025-04 model this
/// build's shapes come from). It is read from the client's stored settings JSON by name, so it takes effect as
/// soon as the client operations store the member; absent means DISABLED.
/// </summary>
internal sealed record RefreshTokenRotation(bool Enabled, TimeSpan GracePeriod)
{
    public static RefreshTokenRotation Disabled { get; } = new(false, TimeSpan.Zero);

    public static RefreshTokenRotation Read(AppClient client)
    {
        using var document = JsonDocument.Parse(client.Settings);
        if (!document.RootElement.TryGetProperty("RefreshTokenRotation", out var rotation)
            || rotation.ValueKind != JsonValueKind.Object)
        {
            return Disabled;
        }

        var enabled = rotation.TryGetProperty("Feature", out var feature) && feature.ValueKind == JsonValueKind.String
            && string.Equals(feature.GetString(), "ENABLED", StringComparison.Ordinal);
        var grace = rotation.TryGetProperty("RetryGracePeriodSeconds", out var seconds)
            && seconds.ValueKind == JsonValueKind.Number && seconds.TryGetInt32(out var value)
            ? Math.Clamp(value, 0, 60)
            : 0;
        return enabled ? new RefreshTokenRotation(true, TimeSpan.FromSeconds(grace)) : Disabled;
    }
}
