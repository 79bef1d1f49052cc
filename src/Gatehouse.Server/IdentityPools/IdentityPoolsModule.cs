using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;

namespace Gatehouse.Server.IdentityPools;

internal static class IdentityPoolsModule
{
    private const string Prefix = AwsOperationInventory.IdentityPoolsPrefix;

    public static IServiceCollection AddIdentityPools(this IServiceCollection services)
    {
        services.AddSingleton<IdentityPoolPageToken>();
        services.AddSingleton<IdentityPoolProviderRules>();
        services.AddScoped<IdentityPoolArnLookup>();
        services.AddAwsOperation<CreateIdentityPoolInput, CreateIdentityPool>("CreateIdentityPool", Prefix);
        services.AddAwsOperation<DescribeIdentityPoolInput, DescribeIdentityPool>("DescribeIdentityPool", Prefix);
        services.AddAwsOperation<IdentityPool, UpdateIdentityPool>("UpdateIdentityPool", Prefix);
        services.AddAwsOperation<DeleteIdentityPoolInput, DeleteIdentityPool>("DeleteIdentityPool", Prefix);
        services.AddAwsOperation<ListIdentityPoolsInput, ListIdentityPools>("ListIdentityPools", Prefix);
        services.AddAwsOperation<SetIdentityPoolRolesInput, SetIdentityPoolRoles>("SetIdentityPoolRoles", Prefix);
        services.AddAwsOperation<GetIdentityPoolRolesInput, GetIdentityPoolRoles>("GetIdentityPoolRoles", Prefix);
        services.AddAwsOperation<SetPrincipalTagAttributeMapInput, SetPrincipalTagAttributeMap>(
            "SetPrincipalTagAttributeMap", Prefix);
        services.AddAwsOperation<GetPrincipalTagAttributeMapInput, GetPrincipalTagAttributeMap>(
            "GetPrincipalTagAttributeMap", Prefix);
        services.AddAwsOperation<TagResourceInput, TagResource>("TagResource", Prefix);
        services.AddAwsOperation<UntagResourceInput, UntagResource>("UntagResource", Prefix);
        services.AddAwsOperation<ListTagsForResourceInput, ListTagsForResource>("ListTagsForResource", Prefix);
        services.AddAwsOperation<DescribeIdentityInput, DescribeIdentity>("DescribeIdentity", Prefix);
        services.AddAwsOperation<ListIdentitiesInput, ListIdentities>("ListIdentities", Prefix);
        services.AddAwsOperation<DeleteIdentitiesInput, DeleteIdentities>("DeleteIdentities", Prefix);
        services.AddAwsOperation<LookupDeveloperIdentityInput, LookupDeveloperIdentity>("LookupDeveloperIdentity", Prefix);
        services.AddAwsOperation<MergeDeveloperIdentitiesInput, MergeDeveloperIdentities>(
            "MergeDeveloperIdentities", Prefix);
        services.AddAwsOperation<UnlinkDeveloperIdentityInput, UnlinkDeveloperIdentity>("UnlinkDeveloperIdentity", Prefix);

        // Sign-in: GetId, OpenID tokens, credentials, unlinking.
        services.AddOptions<IdentityPoolSignInOptions>().BindConfiguration(IdentityPoolSignInOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<OpenIdTokenKeys>();
        services.AddScoped<OpenIdTokenIssuer>();
        services.AddScoped<UserPoolLogin>();
        services.AddScoped<OidcLogin>();
        services.AddScoped<CognitoIdentityLogin>();
        services.AddScoped<LoginVerifier>();
        services.AddScoped<IdentityLinker>();
        services.AddAwsOperation<GetIdInput, GetId>("GetId", Prefix);
        services.AddAwsOperation<GetOpenIdTokenInput, GetOpenIdToken>("GetOpenIdToken", Prefix);
        services.AddAwsOperation<GetOpenIdTokenForDeveloperIdentityInput, GetOpenIdTokenForDeveloperIdentity>(
            "GetOpenIdTokenForDeveloperIdentity", Prefix);
        services.AddAwsOperation<GetCredentialsForIdentityInput, GetCredentialsForIdentity>(
            "GetCredentialsForIdentity", Prefix);
        services.AddAwsOperation<UnlinkIdentityInput, UnlinkIdentity>("UnlinkIdentity", Prefix);
        return services;
    }

    public static WebApplication MapIdentityPools(this WebApplication app)
    {
        app.MapPost(DefaultRolesEndpoint.Route, DefaultRolesEndpoint.CreateAsync);
        return app;
    }
}
