using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Mfa;

internal static class MfaModule
{
    public static IServiceCollection AddMfa(this IServiceCollection services)
    {
        services.AddSingleton<MfaCodeSender>();
        services.AddScoped<MfaSessions>();
        services.AddScoped<UserMfaStore>();
        services.AddScoped<RecoveryCodes>();
        services.AddScoped<MfaChallenge>();
        services.AddScoped<MfaCodeCheck>();
        services.AddScoped<MfaAnswers>();
        services.AddScoped<SoftwareTokenCaller>();
        services.AddAwsOperation<AssociateSoftwareTokenRequest, AssociateSoftwareToken>("AssociateSoftwareToken");
        services.AddAwsOperation<VerifySoftwareTokenRequest, VerifySoftwareToken>("VerifySoftwareToken");
        services.AddAwsOperation<SetUserMFAPreferenceRequest, SetUserMFAPreference>("SetUserMFAPreference");
        services.AddAwsOperation<AdminSetUserMFAPreferenceRequest, AdminSetUserMFAPreference>("AdminSetUserMFAPreference");
        services.AddAwsOperation<SetUserSettingsRequest, SetUserSettings>("SetUserSettings");
        services.AddAwsOperation<AdminSetUserSettingsRequest, AdminSetUserSettings>("AdminSetUserSettings");
        services.AddAwsOperation<GetUserAuthFactorsRequest, GetUserAuthFactors>("GetUserAuthFactors");
        return services;
    }

    public static WebApplication MapMfa(this WebApplication app)
    {
        app.MapPost(RecoveryCodesEndpoint.Route, RecoveryCodesEndpoint.GenerateAsync);
        return app;
    }
}
