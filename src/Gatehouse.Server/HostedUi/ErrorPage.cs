namespace Gatehouse.Server.HostedUi;

/// <summary><c>/error</c> and every error the hosted UI cannot send back to a client: a page, never a redirect.</summary>
internal static class ErrorPage
{
    public static Task<IResult> RenderAsync(
        HostedPage page, PoolDomainContext domain, string? clientId, string message, CancellationToken ct) =>
        page.RenderAsync(domain, clientId, HostedUiStrings.ErrorTitle,
            new Html().Heading(HostedUiStrings.ErrorHeading).Alert(message), ct, StatusCodes.Status400BadRequest);

    public static Task<IResult> GetAsync(HttpContext context, HostedPage page, CancellationToken ct) =>
        RenderAsync(page, context.PoolDomain(), null,
            context.Request.Query["error"].ToString() is { Length: > 0 } error ? error : HostedUiStrings.ErrorHeading, ct);
}
