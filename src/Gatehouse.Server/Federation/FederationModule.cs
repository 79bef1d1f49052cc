using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Federation.Saml;
using Gatehouse.Server.HostedUi;

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
        services.AddOptions<FederationOptions>().BindConfiguration(FederationOptions.Section)
            .ValidateDataAnnotations()
            .Validate(SocialProviderEndpoints.Valid,
                "Gatehouse:Federation:Endpoints names Google, Facebook, LoginWithAmazon or SignInWithApple, each with "
                + "authorize_url, token_url, attributes_url, oidc_issuer or jwks_uri set to an absolute http(s) URL.")
            .ValidateOnStart();
        services.AddHttpClient(OidcDiscovery.HttpClientName);
        services.AddSingleton<ProviderDetails>();
        services.AddSingleton<SocialProviderEndpoints>();
        services.AddSingleton<OidcDiscovery>();
        services.AddSingleton<IProviderDetailsRules, SocialProviderRules>();
        services.AddSingleton<IProviderDetailsRules, OidcProviderRules>();
        services.AddScoped<IdentityProviderChecks>();
        services.AddAwsOperation<CreateIdentityProviderRequest, CreateIdentityProvider>("CreateIdentityProvider");
        services.AddAwsOperation<DescribeIdentityProviderRequest, DescribeIdentityProvider>("DescribeIdentityProvider");
        services.AddAwsOperation<UpdateIdentityProviderRequest, UpdateIdentityProvider>("UpdateIdentityProvider");
        services.AddAwsOperation<DeleteIdentityProviderRequest, DeleteIdentityProvider>("DeleteIdentityProvider");
        services.AddAwsOperation<ListIdentityProvidersRequest, ListIdentityProviders>("ListIdentityProviders");
        services.AddAwsOperation<GetIdentityProviderByIdentifierRequest, GetIdentityProviderByIdentifier>(
            "GetIdentityProviderByIdentifier");
        services.AddAwsOperation<AdminLinkProviderForUserRequest, AdminLinkProviderForUser>("AdminLinkProviderForUser");
        services.AddAwsOperation<AdminDisableProviderForUserRequest, AdminDisableProviderForUser>(
            "AdminDisableProviderForUser");
        services.AddScoped<FederationStates>();
        services.AddScoped<FederatedSignIn>();
        services.AddScoped<FederatedCompletion>();
        services.AddOptions<UpstreamClientOptions>().BindConfiguration(UpstreamClientOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();

        // The deadline is UpstreamClient's (over headers and body); the client's own timeout is only a backstop.
        services.AddHttpClient(UpstreamClient.HttpClientName, client => client.Timeout = TimeSpan.FromMinutes(2))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<UpstreamClient>();
        services.AddSingleton<UpstreamKeys>();
        services.AddSingleton<UpstreamIdTokens>();
        services.AddScoped<OidcCodeRedemption>();
        services.AddScoped<IUpstreamSignIn, OidcUpstreamSignIn>();
        services.AddScoped<UpstreamSignIns>();
        services.AddSaml();
        return services;
    }

    public static WebApplication MapFederation(this WebApplication app)
    {
        // The hosted-UI routes of the upstream round trips, served on pool domains like the hosted UI's own.
        var group = app.MapGroup(string.Empty).AddEndpointFilter(PoolDomainFeature.RequirePoolDomain);
        group.MapGet(OidcUpstreamSignIn.CallbackPath, IdpResponseEndpoint.GetAsync);

        // Sign in with Apple answers with response_mode=form_post: a cross-site POST that carries no CSRF value;
        // the sealed, once-only state is what binds it to the browser's round trip.
        group.MapPost(OidcUpstreamSignIn.CallbackPath, IdpResponseEndpoint.PostAsync).DisableAntiforgery();
        group.MapSaml();
        return app;
    }

    /// <summary>SAML 2.0 providers (<c>Federation/Saml/</c>).</summary>
    private static void AddSaml(this IServiceCollection services)
    {
        services.AddHttpClient(SamlMetadataSource.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5));
        services.AddScoped<SamlMetadataSource>();
        services.AddScoped<SamlCertificates>();
        services.AddScoped<IProviderDetailsRules, SamlProviderRules>();
        services.AddScoped<IUpstreamSignIn, SamlSignIn>();
        services.AddScoped<SamlResponseValidator>();
        services.AddScoped<SamlResponseEndpoint>();
        services.AddScoped<SamlLogout>();
        services.AddAwsOperation<GetSigningCertificateRequest, GetSigningCertificate>("GetSigningCertificate");
    }

    private static void MapSaml(this RouteGroupBuilder group)
    {
        group.MapPost("/saml2/idpresponse", SamlResponseEndpoint.PostAsync);
        group.MapGet("/saml2/metadata", SamlMetadataEndpoint.GetAsync);
        group.MapGet(SamlLogout.Path, SamlLogout.GetAsync);
    }
}
