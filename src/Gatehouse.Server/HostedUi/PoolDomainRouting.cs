using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.HostedUi;

/// <summary>
/// Routes pool domains (DESIGN.md "Pool domains"): <c>/domains/&lt;prefix&gt;/&lt;path&gt;</c> on any host, or
/// <c>&lt;path&gt;</c> on a host that is a custom domain or <c>&lt;prefix&gt;.&lt;DomainSuffix&gt;</c>. It resolves the
/// domain, moves <c>/domains/&lt;prefix&gt;</c> into <c>PathBase</c> (so the endpoints are mapped once, at their
/// Cognito paths), and stores a <see cref="PoolDomainContext"/> in the request's features. The endpoints of
/// <see cref="HostedUiModule"/> answer 404 without one. Runs before routing. Every response of a pool domain gets
/// the hosted UI's security headers (<see cref="HostedUiHeaders"/>).
/// </summary>
internal sealed class PoolDomainRouting(RequestDelegate next, IOptions<HostedUiOptions> options)
{
    private const string DomainsSegment = "/domains";

    /// <summary>Paths of a pool domain; other paths on a domain host go on as usual (the AWS API, health).</summary>
    private static readonly string[] HostedPaths =
    [
        "/oauth2", "/login", "/logout", "/signup", "/confirm", "/confirmUser", "/resendcode", "/forgotPassword",
        "/confirmforgotPassword", "/forceChangePassword", "/mfa", "/error", "/saml2",
    ];

    public async Task InvokeAsync(HttpContext context, AppDb db)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments(DomainsSegment, StringComparison.Ordinal, out var rest))
        {
            var value = rest.Value ?? string.Empty;
            var end = value.IndexOf('/', 1);
            var prefix = end < 0 ? value.TrimStart('/') : value[1..end];
            if (prefix.Length == 0 || await FindAsync(db, prefix.ToLowerInvariant(), context.RequestAborted) is not { } found
                || found.IsCustom)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var serverPathBase = request.PathBase.Value ?? string.Empty;
            request.PathBase = request.PathBase.Add(DomainsSegment + "/" + prefix);
            request.Path = end < 0 ? "/" : value[end..];
            Enter(context, found, serverPathBase);
        }
        else if (IsHostedPath(request.Path) && !request.Headers.ContainsKey("X-Amz-Target")
            && await FindAsync(db, DomainOfHost(request.Host.Host), context.RequestAborted) is { } domain)
        {
            Enter(context, domain, request.PathBase.Value ?? string.Empty);
        }

        await next(context);
    }

    private static void Enter(HttpContext context, UserPoolDomain domain, string serverPathBase)
    {
        var request = context.Request;
        context.Features.Set(new PoolDomainContext(
            domain, $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}", serverPathBase));
        HostedUiHeaders.Apply(context);
    }

    /// <summary>The domain a host name stands for: the prefix of <c>&lt;prefix&gt;.&lt;DomainSuffix&gt;</c>, else the host.</summary>
    private string DomainOfHost(string host)
    {
        var name = host.ToLowerInvariant();
        var suffix = "." + options.Value.DomainSuffix;
        return name.EndsWith(suffix, StringComparison.Ordinal) ? name[..^suffix.Length] : name;
    }

    private static bool IsHostedPath(PathString path) =>
        HostedPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    private static Task<UserPoolDomain?> FindAsync(AppDb db, string domain, CancellationToken ct) =>
        db.UserPoolDomains.AsNoTracking().FirstOrDefaultAsync(d => d.Domain == domain, ct);
}
