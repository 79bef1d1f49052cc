namespace Gatehouse.Server.Messaging;

internal static class MessagingModule
{
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        return services;
    }

    public static WebApplication MapMessaging(this WebApplication app)
    {
        return app;
    }
}
