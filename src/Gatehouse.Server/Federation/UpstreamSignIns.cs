using Gatehouse.Server.HostedUi;
using Gatehouse.Server.OAuth;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Federation;

/// <summary>
/// Starts the upstream round trip of a valid authorize request that names an external provider (by
/// <c>identity_provider</c>, <c>idp_identifier</c>, a login-page button or an e-mail domain): the
/// <see cref="IUpstreamSignIn"/> that handles the provider's type sends the browser on. A type no family handles
/// gets the error page.
/// </summary>
internal sealed class UpstreamSignIns(IEnumerable<IUpstreamSignIn> families, HostedPage page)
{
    public Task<IResult> StartAsync(HttpContext context, IdentityProvider provider, ValidAuthorize authorize, CancellationToken ct) =>
        families.FirstOrDefault(f => f.Handles(provider.ProviderType)) is { } family
            ? family.StartAsync(context, provider, authorize with { Provider = provider }, ct)
            : ErrorPage.RenderAsync(page, context.PoolDomain(), authorize.Client.ClientId, HostedUiStrings.FederationUnavailable, ct);
}
