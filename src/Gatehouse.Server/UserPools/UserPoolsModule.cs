using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.UserPools;

internal static class UserPoolsModule
{
    public static IServiceCollection AddUserPools(this IServiceCollection services)
    {
        services.AddScoped<UserPoolView>();
        services.AddSingleton<UserCountRefresher>();
        services.AddHostedService(provider => provider.GetRequiredService<UserCountRefresher>());
        services.AddAwsOperation<CreateUserPoolRequest, CreateUserPool>("CreateUserPool");
        services.AddAwsOperation<DescribeUserPoolRequest, DescribeUserPool>("DescribeUserPool");
        services.AddAwsOperation<UpdateUserPoolRequest, UpdateUserPool>("UpdateUserPool");
        services.AddAwsOperation<DeleteUserPoolRequest, DeleteUserPool>("DeleteUserPool");
        services.AddAwsOperation<ListUserPoolsRequest, ListUserPools>("ListUserPools");
        services.AddAwsOperation<AddCustomAttributesRequest, AddCustomAttributes>("AddCustomAttributes");
        services.AddAwsOperation<GetUserPoolMfaConfigRequest, GetUserPoolMfaConfig>("GetUserPoolMfaConfig");
        services.AddAwsOperation<SetUserPoolMfaConfigRequest, SetUserPoolMfaConfig>("SetUserPoolMfaConfig");
        services.AddAwsOperation<CreateUserPoolClientRequest, CreateUserPoolClient>("CreateUserPoolClient");
        services.AddAwsOperation<DescribeUserPoolClientRequest, DescribeUserPoolClient>("DescribeUserPoolClient");
        services.AddAwsOperation<UpdateUserPoolClientRequest, UpdateUserPoolClient>("UpdateUserPoolClient");
        services.AddAwsOperation<DeleteUserPoolClientRequest, DeleteUserPoolClient>("DeleteUserPoolClient");
        services.AddAwsOperation<ListUserPoolClientsRequest, ListUserPoolClients>("ListUserPoolClients");
        services.AddAwsOperation<CreateResourceServerRequest, CreateResourceServer>("CreateResourceServer");
        services.AddAwsOperation<DescribeResourceServerRequest, DescribeResourceServer>("DescribeResourceServer");
        services.AddAwsOperation<UpdateResourceServerRequest, UpdateResourceServer>("UpdateResourceServer");
        services.AddAwsOperation<DeleteResourceServerRequest, DeleteResourceServer>("DeleteResourceServer");
        services.AddAwsOperation<ListResourceServersRequest, ListResourceServers>("ListResourceServers");
        services.AddSingleton<UserPoolDomains>();
        services.AddAwsOperation<CreateUserPoolDomainRequest, CreateUserPoolDomain>("CreateUserPoolDomain");
        services.AddAwsOperation<DescribeUserPoolDomainRequest, DescribeUserPoolDomain>("DescribeUserPoolDomain");
        services.AddAwsOperation<UpdateUserPoolDomainRequest, UpdateUserPoolDomain>("UpdateUserPoolDomain");
        services.AddAwsOperation<DeleteUserPoolDomainRequest, DeleteUserPoolDomain>("DeleteUserPoolDomain");
        return services;
    }
}
