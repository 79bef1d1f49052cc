using Gatehouse.Server.Branding;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.HostedUi;

/// <summary>
/// The layout of every hosted page: language, viewport for phones, the built-in accessible style, and the pool's or
/// client's UI customization (its CSS and logo, served by <see cref="UiCustomizationAssets"/>) when there is one.
/// </summary>
internal sealed class HostedPage(AppDb db)
{
    private const string BaseStyle =
        "body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#16191f}" +
        "main{max-width:26rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:.5rem;" +
        "box-shadow:0 1px 3px rgba(0,0,0,.2)}" +
        "h1{font-size:1.4rem;margin-top:0}label{display:block;margin:.8rem 0 .3rem;font-weight:600}" +
        "input{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;border:1px solid #687078;border-radius:.25rem}" +
        "input:focus,button:focus,a:focus{outline:3px solid #0972d3;outline-offset:2px}" +
        "button{margin-top:1.2rem;width:100%;padding:.7rem;font-size:1rem;border:0;border-radius:.25rem;" +
        "background:#0972d3;color:#fff;cursor:pointer}" +
        ".error{color:#b0120a;font-weight:600}.note{color:#414d5c}.logo{display:block;max-width:100%;margin:0 auto 1rem}" +
        "a{color:#0756a6}.qr{display:block;margin:1rem auto;max-width:100%;height:auto}" +
        "code{font-size:1.05rem;word-break:break-all}details{margin-top:1rem}summary{cursor:pointer;color:#0756a6}ul{padding-left:1.2rem}@media (max-width:30rem){main{margin:0;border-radius:0;box-shadow:none}}";

    /// <summary>Whether the pool's sign-in policy allows passkeys, for the login page's link to <c>/passkey</c>.</summary>
    public async Task<bool> PasskeysAllowedAsync(string poolId, CancellationToken ct) =>
        await Users.PoolSettings.LoadAsync(db, poolId, ct) is { } pool && Passkeys.PoolPasskeys.Enabled(pool);

    public async Task<IResult> RenderAsync(
        PoolDomainContext domain, string? clientId, string title, Html body, CancellationToken ct, int status = 200)
    {
        var branding = await UiCustomizationView.EffectiveAsync(db, domain.PoolId, clientId, ct);
        var page = new Html()
            .Raw($"<!DOCTYPE html><html lang=\"{HostedUiStrings.Lang}\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Text(title)
            .Raw("</title><style>").Raw(BaseStyle).Raw("</style>");
        if (branding is not null && UiCustomizationView.CssPath(branding) is { } css)
        {
            page.Raw($"<link rel=\"stylesheet\" href=\"{Html.Encode(css)}\">");
        }

        page.Raw("</head><body><main>");
        if (branding is not null && UiCustomizationView.LogoPath(branding) is { } logo)
        {
            page.Raw($"<img class=\"logo banner-customizable\" src=\"{Html.Encode(logo)}\" alt=\"\">");
        }

        page.Raw(body.ToString()).Raw("</main></body></html>");
        return Results.Content(page.ToString(), "text/html; charset=utf-8", statusCode: status);
    }
}
