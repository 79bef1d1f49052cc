using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Auth;

internal static class AuthModule
{
    public static IServiceCollection AddAuth(this IServiceCollection services)
    {
        services.AddSingleton<AuthBlobSealer>();
        services.AddSingleton<AuthBlobs>();
        services.AddSingleton<UnknownUserDecoy>();
        services.AddSingleton<PasswordCheck>();
        services.AddScoped<AuthChecks>();
        services.AddScoped<AuthSessionLedger>();
        services.AddScoped<SignInLockout>();
        services.AddScoped<SignInCompletion>();
        services.AddScoped<SrpChallenge>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<RefreshSignIn>();
        services.AddScoped<NewPasswordChallenge>();
        services.AddScoped<CustomAuthTriggers>();
        services.AddScoped<CustomAuthFlow>();
        services.AddScoped<AuthFlowRunner>();
        services.AddAwsOperation<InitiateAuthRequest, InitiateAuth>("InitiateAuth");
        services.AddAwsOperation<AdminInitiateAuthRequest, AdminInitiateAuth>("AdminInitiateAuth");
        services.AddAwsOperation<RespondToAuthChallengeRequest, RespondToAuthChallenge>("RespondToAuthChallenge");
        services.AddAwsOperation<AdminRespondToAuthChallengeRequest, AdminRespondToAuthChallenge>("AdminRespondToAuthChallenge");
        services.AddAwsOperation<GetUserRequest, GetUser>("GetUser");
        return services;
    }
}
