namespace Gatehouse.Server.Admin;

internal static class AdminModule
{
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddOptions<InstanceOptions>().BindConfiguration(InstanceOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AdminKeyOptions>().BindConfiguration(AdminKeyOptions.Section)
            .Validate(o => (o.AccessKeyId is null) == (o.SecretAccessKey is null),
                "Set both GATEHOUSE_ADMIN_ACCESS_KEY_ID and GATEHOUSE_ADMIN_SECRET_ACCESS_KEY, or neither.")
            .ValidateOnStart();
        services.AddSingleton<AdminAccessKeys>();
        services.AddSingleton<AdminBootstrap>();
        return services;
    }

    public static WebApplication MapAdmin(this WebApplication app)
    {
        app.MapGet("/health/live", () => Results.Text("ok"));
        app.MapGet("/health/ready", async (Storage.AppDbFactory factory, CancellationToken ct) =>
        {
            await using var db = factory.Create();
            return await db.Database.CanConnectAsync(ct) ? Results.Text("ok") : Results.StatusCode(503);
        });
        return app;
    }
}
