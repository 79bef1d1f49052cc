using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Tokens;

internal static class TokensModule
{
    public static IServiceCollection AddTokens(this IServiceCollection services)
    {
        services.AddOptions<TokensOptions>().BindConfiguration(TokensOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.IssuerTemplate is not { Length: > 0 } t
                    || t.Contains("{userPoolId}", StringComparison.Ordinal),
                "Gatehouse:Tokens:IssuerTemplate must contain {userPoolId}.")
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSingleton<PoolIssuer>();
        services.AddSingleton<SigningKeyCache>();
        services.AddScoped<SigningKeyStore>();
        services.AddScoped<RefreshTokenStore>();
        services.AddScoped<PreTokenGeneration>();
        services.AddScoped<SessionTokens>();
        services.AddScoped<RefreshTokenRedemption>();
        services.AddScoped<AccessTokenAuthenticator>();
        services.AddAwsOperation<GetTokensFromRefreshTokenRequest, GetTokensFromRefreshToken>("GetTokensFromRefreshToken");
        services.AddAwsOperation<RevokeTokenRequest, RevokeToken>("RevokeToken");
        services.AddAwsOperation<GlobalSignOutRequest, GlobalSignOut>("GlobalSignOut");
        services.AddAwsOperation<AdminUserGlobalSignOutRequest, AdminUserGlobalSignOut>("AdminUserGlobalSignOut");
        return services;
    }

    public static WebApplication MapTokens(this WebApplication app)
    {
        app.MapGet("/{userPoolId}/.well-known/jwks.json", IssuerEndpoints.JwksAsync);
        app.MapGet("/{userPoolId}/.well-known/openid-configuration", IssuerEndpoints.OpenIdConfigurationAsync);
        return app;
    }
}
