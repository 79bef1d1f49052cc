using Gatehouse.Server.Iam;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gatehouse.Server.Sts;

internal static class StsModule
{
    public static IServiceCollection AddSts(this IServiceCollection services)
    {
        // Role lookups and compiled role policies are shared with Iam/ (which may register them too: TryAdd).
        services.TryAddSingleton<RoleDirectory>();
        services.TryAddSingleton<RolePolicies>();
        services.AddSingleton<SessionTokenSealer>();
        services.AddScoped<TemporaryCredentialIssuer>();
        services.AddScoped<RoleAssumption>();
        return services;
    }
}
