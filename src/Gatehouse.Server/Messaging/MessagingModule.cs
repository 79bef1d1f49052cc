using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Messaging;

internal static class MessagingModule
{
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section).ValidateOnStart();
        services.AddSingleton<OutboxTransport>();
        services.AddSingleton<SmtpTransport>();
        services.AddSingleton<IMessageTransport>(provider =>
            provider.GetRequiredService<IOptions<MessagingOptions>>().Value.UsesSmtp
                ? provider.GetRequiredService<SmtpTransport>()
                : provider.GetRequiredService<OutboxTransport>());
        return services;
    }

    public static WebApplication MapMessaging(this WebApplication app)
    {
        app.MapGet(OutboxEndpoint.Route, OutboxEndpoint.ListAsync);
        return app;
    }
}
