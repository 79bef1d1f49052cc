using Gatehouse.Server.Auth;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Passkeys;

/// <summary>Passkeys (WebAuthn) and the USER_AUTH flow they sign in through (docs/passkeys.md).</summary>
internal static class PasskeysModule
{
    public static IServiceCollection AddPasskeys(this IServiceCollection services)
    {
        services.AddSingleton<WebAuthnCeremony>();
        services.AddScoped<PoolPasskeys>();
        services.AddScoped<WebAuthnSignIn>();
        services.AddScoped<OtpFirstFactors>();
        services.AddScoped<UserAuthFlow>();
        services.AddAwsOperation<StartWebAuthnRegistrationRequest, StartWebAuthnRegistration>("StartWebAuthnRegistration");
        services.AddAwsOperation<CompleteWebAuthnRegistrationRequest, CompleteWebAuthnRegistration>(
            "CompleteWebAuthnRegistration");
        services.AddAwsOperation<ListWebAuthnCredentialsRequest, ListWebAuthnCredentials>("ListWebAuthnCredentials");
        services.AddAwsOperation<DeleteWebAuthnCredentialRequest, DeleteWebAuthnCredential>("DeleteWebAuthnCredential");
        return services;
    }
}
