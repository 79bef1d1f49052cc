using Gatehouse.Server.Storage;

namespace Gatehouse.Server.HostedUi;

/// <summary>
/// The pool domain a hosted-UI or OAuth request arrived on (set by <see cref="PoolDomainRouting"/>): the domain,
/// its pool, and the absolute URL of the domain's root (<c>https://auth.example.com</c>, or
/// <c>http://127.0.0.1:7300/domains/my-app</c>), which every link, form action and redirect is built from.
/// </summary>
/// <remarks>
/// <see cref="ServerPathBase"/> is the PathBase before <c>/domains/&lt;prefix&gt;</c> was moved into it: issuers and
/// other server-wide URLs are built from it, never from the domain's path.
/// </remarks>
internal sealed record PoolDomainContext(UserPoolDomain Domain, string BaseUrl, string ServerPathBase)
{
    public string PoolId => Domain.PoolId;

    public string Url(string path) => BaseUrl + path;
}
