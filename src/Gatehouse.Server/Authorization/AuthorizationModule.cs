namespace Gatehouse.Server.Authorization;

/// <summary>
/// The authorization surface for self-hosted resource servers: nginx forward-auth and the admin decision API.
/// Named <c>AddGatehouseAuthorization</c>, since ASP.NET Core's own <c>AddAuthorization</c> exists.
/// </summary>
internal static class AuthorizationModule
{
    public const string RoutePrefix = "/authorization";

    public static IServiceCollection AddGatehouseAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<AuthorizationDecider>();
        services.AddSingleton<ForwardAuth>();
        return services;
    }

    public static WebApplication MapGatehouseAuthorization(this WebApplication app)
    {
        app.MapMethods(ForwardAuth.Route, [HttpMethods.Get, HttpMethods.Post],
            (HttpContext context, ForwardAuth forwardAuth) => forwardAuth.HandleAsync(context));
        app.MapPost(DecideEndpoint.Route, DecideEndpoint.HandleAsync);
        return app;
    }
}
