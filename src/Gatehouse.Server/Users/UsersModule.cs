namespace Gatehouse.Server.Users;

internal static class UsersModule
{
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        return services;
    }
}
