using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;

namespace Gatehouse.Server.Iam;

internal static class IamModule
{
    private const string Iam = AwsOperationInventory.IamPrefix;

    public static IServiceCollection AddIam(this IServiceCollection services)
    {
        services.AddSingleton<IamMarkers>();

        services.AddAwsOperation<CreateRoleRequest, CreateRole>("CreateRole", Iam);
        services.AddAwsOperation<GetRoleRequest, GetRole>("GetRole", Iam);
        services.AddAwsOperation<ListRolesRequest, ListRoles>("ListRoles", Iam);
        services.AddAwsOperation<UpdateRoleRequest, UpdateRole>("UpdateRole", Iam);
        services.AddAwsOperation<UpdateAssumeRolePolicyRequest, UpdateAssumeRolePolicy>("UpdateAssumeRolePolicy", Iam);
        services.AddAwsOperation<DeleteRoleRequest, DeleteRole>("DeleteRole", Iam);

        services.AddAwsOperation<PutRolePolicyRequest, PutRolePolicy>("PutRolePolicy", Iam);
        services.AddAwsOperation<GetRolePolicyRequest, GetRolePolicy>("GetRolePolicy", Iam);
        services.AddAwsOperation<DeleteRolePolicyRequest, DeleteRolePolicy>("DeleteRolePolicy", Iam);
        services.AddAwsOperation<ListRolePoliciesRequest, ListRolePolicies>("ListRolePolicies", Iam);

        services.AddAwsOperation<CreatePolicyRequest, CreatePolicy>("CreatePolicy", Iam);
        services.AddAwsOperation<GetPolicyRequest, GetPolicy>("GetPolicy", Iam);
        services.AddAwsOperation<GetPolicyVersionRequest, GetPolicyVersion>("GetPolicyVersion", Iam);
        services.AddAwsOperation<ListPoliciesRequest, ListPolicies>("ListPolicies", Iam);
        services.AddAwsOperation<DeletePolicyRequest, DeletePolicy>("DeletePolicy", Iam);
        services.AddAwsOperation<AttachRolePolicyRequest, AttachRolePolicy>("AttachRolePolicy", Iam);
        services.AddAwsOperation<DetachRolePolicyRequest, DetachRolePolicy>("DetachRolePolicy", Iam);
        services.AddAwsOperation<ListAttachedRolePoliciesRequest, ListAttachedRolePolicies>(
            "ListAttachedRolePolicies", Iam);

        services.AddAwsOperation<CreateOpenIDConnectProviderRequest, CreateOpenIDConnectProvider>(
            "CreateOpenIDConnectProvider", Iam);
        services.AddAwsOperation<GetOpenIDConnectProviderRequest, GetOpenIDConnectProvider>(
            "GetOpenIDConnectProvider", Iam);
        services.AddAwsOperation<ListOpenIDConnectProvidersRequest, ListOpenIDConnectProviders>(
            "ListOpenIDConnectProviders", Iam);
        services.AddAwsOperation<DeleteOpenIDConnectProviderRequest, DeleteOpenIDConnectProvider>(
            "DeleteOpenIDConnectProvider", Iam);
        return services;
    }
}
