namespace Gatehouse.Server.Sts;

internal static class StsModule
{
    public static IServiceCollection AddSts(this IServiceCollection services)
    {
        services.AddSingleton<SessionTokenSealer>();
        services.AddScoped<TemporaryCredentialIssuer>();
        return services;
    }
}
