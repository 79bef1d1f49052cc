using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Sts;
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
        services.AddSingleton<SessionCredentials>();
        services.AddSingleton<OidcKeySource>();
        services.AddScoped<WebIdentityTokenVerifier>();
        services.AddHttpClient(OidcKeySource.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5));
        services.AddHttpContextAccessor();
        services.AddAwsOperation<AssumeRoleWithWebIdentityRequest, AssumeRoleWithWebIdentity>(
            "AssumeRoleWithWebIdentity", AwsOperationInventory.StsPrefix);
        services.AddAwsOperation<GetCallerIdentityRequest, GetCallerIdentity>(
            "GetCallerIdentity", AwsOperationInventory.StsPrefix);
        return services;
    }
}
