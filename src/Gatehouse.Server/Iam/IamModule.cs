namespace Gatehouse.Server.Iam;

internal static class IamModule
{
    public static IServiceCollection AddIam(this IServiceCollection services)
    {
        return services;
    }
}
