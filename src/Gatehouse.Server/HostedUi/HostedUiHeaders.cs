namespace Gatehouse.Server.HostedUi;

/// <summary>
/// Headers on every response of a pool domain: no framing (clickjacking: <c>X-Frame-Options: DENY</c> and CSP
/// <c>frame-ancestors 'none'</c>), no scripts at all (the pages work without JavaScript; the passkey page alone allows this origin's
/// <c>/passkey.js</c>, <see cref="PasskeyPage.ContentSecurityPolicy"/>), styles and images only from
/// this origin, no caching of pages that carry tokens or CSRF values, and no Referer leaking codes.
/// </summary>
internal static class HostedUiHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'";

    public static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
    }
}
