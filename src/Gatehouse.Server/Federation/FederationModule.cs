namespace Gatehouse.Server.Federation;

/// <summary>
/// External identity providers: the identity-provider operations, the upstream round trips of the hosted UI
/// (<c>/oauth2/idpresponse</c> for OIDC and social providers, <c>/saml2/*</c> for SAML) and the junction they end in
/// (<see cref="FederatedSignIn"/>).
/// </summary>
internal static class FederationModule
{
    public static IServiceCollection AddFederation(this IServiceCollection services)
    {
        services.AddSingleton<ProviderDetails>();
        services.AddScoped<FederationStates>();
        services.AddScoped<FederatedSignIn>();
        services.AddScoped<FederatedCompletion>();
        return services;
    }

    public static WebApplication MapFederation(this WebApplication app)
    {
        // The hosted-UI routes of the upstream round trips, served on pool domains like the hosted UI's own, are
        // mapped here: app.MapGroup(string.Empty).AddEndpointFilter(PoolDomainFeature.RequirePoolDomain).
        return app;
    }
}
