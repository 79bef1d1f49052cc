namespace Gatehouse.Server.UserPools;

internal static class UserPoolsModule
{
    public static IServiceCollection AddUserPools(this IServiceCollection services)
    {
        return services;
    }
}
