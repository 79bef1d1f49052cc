using Gatehouse.Server.Admin;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Tokens;

/// <summary>
/// The <c>iss</c> of a pool's tokens (DESIGN.md "Issuer"): <c>Gatehouse:Tokens:IssuerTemplate</c> with
/// <c>{region}</c> and <c>{userPoolId}</c> filled in when configured, else <c>{PublicBaseUrl}/{userPoolId}</c>, where
/// PublicBaseUrl is <c>Gatehouse:PublicUrl</c> or, when unset, the scheme and host of the current request (so a
/// deployment that serves pool domains on their own host names sets <c>GATEHOUSE_PUBLIC_URL</c>, to keep one issuer).
/// </summary>
internal sealed class PoolIssuer(
    IHttpContextAccessor http, IOptions<InstanceOptions> instance, IOptions<TokensOptions> options)
{
    public string For(string poolId) =>
        options.Value.IssuerTemplate is { Length: > 0 } template
            ? template.Replace("{region}", instance.Value.Region, StringComparison.Ordinal)
                .Replace("{userPoolId}", poolId, StringComparison.Ordinal)
            : $"{PublicBaseUrl()}/{poolId}";

    public string PublicBaseUrl()
    {
        if (instance.Value.PublicUrl is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }

        var request = http.HttpContext?.Request
            ?? throw new InvalidOperationException("No request to take the public URL from; set Gatehouse:PublicUrl.");
        // On a pool domain's /domains/<prefix> path, the server's own base is the PathBase before that prefix.
        var pathBase = http.HttpContext?.Features.Get<HostedUi.PoolDomainContext>()?.ServerPathBase ?? request.PathBase.Value;
        return $"{request.Scheme}://{request.Host.Value}{pathBase}";
    }
}
