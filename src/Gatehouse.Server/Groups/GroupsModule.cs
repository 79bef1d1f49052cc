namespace Gatehouse.Server.Groups;

internal static class GroupsModule
{
    public static IServiceCollection AddGroups(this IServiceCollection services)
    {
        return services;
    }
}
