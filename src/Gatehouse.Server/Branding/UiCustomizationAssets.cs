using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Branding;

/// <summary>
/// <c>GET /ui-customization/{poolId}/{clientId}/{version}/{file}</c>: a customization's logo (<c>logo.png</c>,
/// <c>logo.jpg</c>) or CSS (<c>styles.css</c>), public as Cognito's image URLs are. An old version is not found,
/// so the current one can be cached for a day. The CSS is served as <c>text/css</c>, never inlined into pages.
/// </summary>
internal static class UiCustomizationAssets
{
    public const string Route = "/ui-customization/{poolId}/{clientId}/{version}/{file}";

    public static async Task<IResult> GetAsync(
        string poolId, string clientId, string version, string file, HttpContext context, AppDb db, CancellationToken ct)
    {
        var row = await db.UiCustomizations.AsNoTracking()
            .FirstOrDefaultAsync(u => u.PoolId == poolId && u.ClientId == clientId && u.CssVersion == version, ct);
        if (row is null)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "public, max-age=86400";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        if (string.Equals(file, "styles.css", StringComparison.Ordinal) && row.Css is { Length: > 0 } css)
        {
            return Results.Text(css, "text/css; charset=utf-8");
        }

        return UiCustomizationView.LogoPath(row) is { } logo
            && logo.EndsWith("/" + file, StringComparison.Ordinal) && row is { Image: { } image, ImageType: { } type }
            ? Results.Bytes(image, type)
            : Results.NotFound();
    }
}
