using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Branding;

/// <summary>
/// <c>SetUICustomization</c>: sets the CSS and the logo together (the guide: "You can't set CSS and logo
/// customization separately", so an omitted one is cleared), for the pool (ClientId omitted or <c>ALL</c>) or for
/// one app client, which then no longer uses the pool's.
/// </summary>
internal sealed class SetUICustomization(
    AppDb db, UiCustomizationView view, TimeProvider clock, ILogger<SetUICustomization> logger)
    : IAwsHandler<SetUICustomizationRequest>
{
    public async Task<AwsResult> HandleAsync(SetUICustomizationRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is null)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.PoolNotFound(request.UserPoolId));
        }

        // "To customize your UI, you must set up a domain for your user pool" (hosted UI (classic) branding guide).
        if (!await db.UserPoolDomains.AnyAsync(d => d.PoolId == request.UserPoolId, ct))
        {
            return AwsError.InvalidParameter(BrandingMessages.DomainRequired);
        }

        var clientId = request.ClientId ?? UiCustomizationView.PoolLevel;
        if (!string.Equals(clientId, UiCustomizationView.PoolLevel, StringComparison.Ordinal)
            && await db.FindClientAsync(request.UserPoolId, clientId, ct) is null)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.ClientNotFound(clientId));
        }

        if (request.CSS is { } css && UiCustomizationCss.Check(css) is { } cssError)
        {
            return AwsError.InvalidParameter(cssError);
        }

        string? imageType = null;
        if (request.ImageFile is { } image && (imageType = UiCustomizationImage.MediaType(image)) is null)
        {
            return AwsError.InvalidParameter(BrandingMessages.ImageInvalid);
        }

        var now = clock.GetUtcNow();
        var row = await db.UiCustomizations.FirstOrDefaultAsync(
            u => u.PoolId == request.UserPoolId && u.ClientId == clientId, ct);
        if (row is null)
        {
            row = new UiCustomization { PoolId = request.UserPoolId, ClientId = clientId, CssVersion = "0", CreatedAt = now };
            db.UiCustomizations.Add(row);
        }

        row.Css = request.CSS;
        row.Image = request.ImageFile;
        row.ImageType = imageType;
        row.CssVersion = UiCustomizationView.NextVersion(row.CssVersion, now);
        row.LastModifiedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // Two first-time sets raced; Cognito keeps the last write, and so does a retry here.
            return AwsError.ConcurrentModification(BrandingMessages.ConcurrentSet);
        }

        Log.UiCustomizationSet(logger, row.PoolId, row.ClientId);
        return AwsResult.Ok(new SetUICustomizationResponse { UICustomization = view.Describe(row) });
    }
}
