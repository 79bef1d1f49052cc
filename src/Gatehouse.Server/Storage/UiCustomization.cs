namespace Gatehouse.Server.Storage;

/// <summary>
/// Hosted UI (classic) branding set by SetUICustomization: one row for the pool (<see cref="ClientId"/> =
/// <c>ALL</c>) and one per app client that has its own, which then replaces the pool's. <see cref="Image"/> is the
/// logo file as uploaded (PNG or JPEG, <see cref="ImageType"/> its media type); <see cref="CssVersion"/> changes
/// with every set, so the logo URL that carries it changes too.
/// </summary>
internal sealed class UiCustomization
{
    public required string PoolId { get; set; }

    public required string ClientId { get; set; }

    public string? Css { get; set; }

    public byte[]? Image { get; set; }

    public string? ImageType { get; set; }

    public required string CssVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastModifiedAt { get; set; }
}
