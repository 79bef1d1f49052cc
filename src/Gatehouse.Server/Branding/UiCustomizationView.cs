using System.Globalization;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Branding;

/// <summary>
/// Hosted UI branding as the API answers it and as the hosted UI applies it. An app client's own customization
/// replaces the pool's (<c>ALL</c>) entirely; a client without one uses the pool's. The logo and the CSS are served
/// at <see cref="AssetPath"/>, whose version segment changes with every SetUICustomization.
/// </summary>
internal sealed class UiCustomizationView(PoolIssuer issuer)
{
    public const string PoolLevel = "ALL";

    /// <summary>The client's own customization, else the pool's, else null.</summary>
    public static async Task<UiCustomization?> EffectiveAsync(AppDb db, string poolId, string? clientId, CancellationToken ct)
    {
        var rows = await db.UiCustomizations.AsNoTracking()
            .Where(u => u.PoolId == poolId && (u.ClientId == PoolLevel || u.ClientId == clientId))
            .ToListAsync(ct);
        return rows.FirstOrDefault(u => !string.Equals(u.ClientId, PoolLevel, StringComparison.Ordinal))
            ?? rows.FirstOrDefault();
    }

    /// <summary>The path of a customization's logo (<c>logo.png</c>/<c>logo.jpg</c>) or CSS (<c>styles.css</c>).</summary>
    public static string AssetPath(UiCustomization row, string file) =>
        $"/ui-customization/{row.PoolId}/{row.ClientId}/{row.CssVersion}/{file}";

    public static string? LogoPath(UiCustomization row) =>
        row is { Image: not null, ImageType: { } type } ? AssetPath(row, "logo." + UiCustomizationImage.Extension(type)) : null;

    public static string? CssPath(UiCustomization row) => row.Css is { Length: > 0 } ? AssetPath(row, "styles.css") : null;

    public UICustomizationType Describe(UiCustomization row) => new()
    {
        UserPoolId = row.PoolId,
        ClientId = row.ClientId,
        ImageUrl = LogoPath(row) is { } path ? issuer.PublicBaseUrl() + path : null,
        CSS = row.Css,
        CSSVersion = row.CssVersion,
        CreationDate = row.CreatedAt,
        LastModifiedDate = row.LastModifiedAt,
    };

    /// <summary>A version later than <paramref name="previous"/>: the epoch milliseconds of the change.</summary>
    public static string NextVersion(string? previous, DateTimeOffset now)
    {
        var version = now.ToUnixTimeMilliseconds();
        if (long.TryParse(previous, NumberStyles.None, CultureInfo.InvariantCulture, out var last) && last >= version)
        {
            version = last + 1;
        }

        return version.ToString(CultureInfo.InvariantCulture);
    }
}
