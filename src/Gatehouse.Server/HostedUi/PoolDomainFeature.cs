namespace Gatehouse.Server.HostedUi;

/// <summary>Access to the <see cref="PoolDomainContext"/> of a request on a pool domain.</summary>
internal static class PoolDomainFeature
{
    /// <summary>The request's pool domain; the hosted-UI route group guarantees one (404 otherwise).</summary>
    public static PoolDomainContext PoolDomain(this HttpContext context) =>
        context.Features.Get<PoolDomainContext>()
            ?? throw new InvalidOperationException("Not a pool-domain request; map the endpoint in HostedUiModule's group.");

    /// <summary>Endpoint filter of the hosted-UI group: requests that did not arrive on a pool domain are not found.</summary>
    public static ValueTask<object?> RequirePoolDomain(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next) =>
        invocation.HttpContext.Features.Get<PoolDomainContext>() is null
            ? ValueTask.FromResult<object?>(Results.NotFound())
            : next(invocation);
}
