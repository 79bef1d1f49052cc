namespace Gatehouse.Server.IdentityPools;

internal static class IdentityPoolsModule
{
    public static IServiceCollection AddIdentityPools(this IServiceCollection services)
    {
        return services;
    }
}
