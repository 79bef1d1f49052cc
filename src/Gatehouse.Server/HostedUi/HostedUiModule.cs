using Gatehouse.Server.OAuth;

namespace Gatehouse.Server.HostedUi;

/// <summary>
/// The hosted UI and OAuth endpoints of pool domains.
/// <para>How it fits together, for whoever adds a page:</para>
/// <list type="bullet">
/// <item><see cref="PoolDomainRouting"/> (middleware, before routing) resolves the pool domain from the host or from
/// <c>/domains/&lt;prefix&gt;</c>, moves that prefix into PathBase and stores a <see cref="PoolDomainContext"/>;
/// it also sets the security headers (<see cref="HostedUiHeaders"/>). Add new top-level paths to its list.</item>
/// <item>Map pages in <see cref="MapHostedUi"/> on <c>group</c> at Cognito's paths; the group answers 404 off a pool
/// domain. In a handler, <c>context.PoolDomain()</c> gives the domain; build links with <c>domain.Url("/path")</c>.</item>
/// <item>Render with <see cref="HostedPage.RenderAsync"/> (layout and branding) and <see cref="Html"/> (encodes
/// everything); texts go in <see cref="HostedUiStrings"/>.</item>
/// <item>Every form: <c>html.FormStart(action, csrf.FormValue(context))</c>; every POST: read the form with
/// <c>context.Request.ReadFormAsync(ct)</c> and refuse it unless <c>csrf.IsValid(context, form)</c>
/// (<see cref="CsrfTokens"/>).</item>
/// <item>Carry the authorize request through a flow as hidden fields (<see cref="AuthorizeRequest.Parameters"/>) or a
/// query (<see cref="AuthorizeRequest.WithQuery"/>); check it again with <see cref="AuthorizeChecks"/> before acting,
/// and finish a sign-in with <see cref="SignInCookie.Issue"/> then <see cref="AuthorizationCompletion.CompleteAsync"/>.</item>
/// </list>
/// </summary>
internal static class HostedUiModule
{
    public static IServiceCollection AddHostedUi(this IServiceCollection services)
    {
        services.AddOptions<HostedUiOptions>().BindConfiguration(HostedUiOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CsrfTokens>();
        services.AddSingleton<SignInCookie>();
        services.AddScoped<HostedPage>();
        services.AddScoped<HostedSignIn>();
        services.AddScoped<NewPasswordPage>();
        services.AddScoped<HostedMfa>();
        services.AddScoped<ConfirmPage>();
        services.AddScoped<ForgotPasswordPage>();
        services.AddScoped<AuthorizeChecks>();
        services.AddScoped<AuthorizationCodes>();
        services.AddScoped<AuthorizationCompletion>();
        services.AddScoped<ClientAuthentication>();
        services.AddScoped<ClientReadAttributes>();
        services.AddScoped<TokenEndpoint>();
        return services;
    }

    /// <summary>Resolves pool domains; call before <c>UseRouting</c>.</summary>
    public static WebApplication UsePoolDomains(this WebApplication app)
    {
        app.UseMiddleware<PoolDomainRouting>();
        return app;
    }

    public static WebApplication MapHostedUi(this WebApplication app)
    {
        var group = app.MapGroup(string.Empty).AddEndpointFilter(PoolDomainFeature.RequirePoolDomain);
        group.MapGet("/oauth2/authorize", AuthorizeEndpoint.GetAsync);
        group.MapGet("/login", LoginPage.GetAsync);
        group.MapPost("/login", LoginPage.PostAsync);
        group.MapPost("/forceChangePassword", NewPasswordPage.PostAsync);
        group.MapGet("/passkey", PasskeyPage.GetAsync);
        group.MapPost("/passkey", PasskeyPage.PostAsync);
        group.MapPost("/passkey/verify", PasskeyPage.PostVerifyAsync);
        group.MapGet("/passkey.js", PasskeyScript.Get);
        group.MapPost("/mfa", MfaPage.PostCodeAsync);
        group.MapPost("/mfa/select", MfaPage.PostSelectAsync);
        group.MapPost("/mfa/setup", MfaPage.PostSetupAsync);
        group.MapGet("/error", ErrorPage.GetAsync);
        group.MapGet("/signup", SignUpPage.GetAsync);
        group.MapPost("/signup", SignUpPage.PostAsync);
        group.MapGet("/confirm", ConfirmPage.GetAsync);
        group.MapPost("/confirm", ConfirmPage.PostAsync);
        group.MapPost("/resendcode", ConfirmPage.ResendAsync);
        group.MapGet("/forgotPassword", ForgotPasswordPage.GetAsync);
        group.MapPost("/forgotPassword", ForgotPasswordPage.PostAsync);
        group.MapGet("/confirmforgotPassword", ForgotPasswordPage.GetConfirmAsync);
        group.MapPost("/confirmforgotPassword", ForgotPasswordPage.PostConfirmAsync);
        group.MapPost("/oauth2/token", TokenEndpoint.PostAsync);
        group.MapGet("/oauth2/userInfo", UserInfoEndpoint.HandleAsync);
        group.MapPost("/oauth2/userInfo", UserInfoEndpoint.HandleAsync);
        group.MapPost("/oauth2/revoke", RevokeEndpoint.PostAsync);
        group.MapGet("/logout", LogoutEndpoint.GetAsync);
        return app;
    }
}
