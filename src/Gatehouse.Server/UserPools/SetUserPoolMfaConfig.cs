using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.UserPools;

/// <summary>
/// Sets which MFA factors are on (configuration only; the challenges belong to the sign-in flows). A factor's
/// configuration in the request turns it on and its absence turns it off (TOTP: its Enabled flag); the passkey
/// configuration is independent of MFA and stays when omitted, and so does MfaConfiguration.
/// </summary>
internal sealed class SetUserPoolMfaConfig(AppDb db, TimeProvider clock) : IAwsHandler<SetUserPoolMfaConfigRequest>
{
    public async Task<AwsResult> HandleAsync(SetUserPoolMfaConfigRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.PoolNotFound(request.UserPoolId));
        }

        var settings = UserPoolSettings.Read(pool);
        var current = UserPoolSettings.ReadMfaFactors(pool);
        var smsConfiguration = request.SmsMfaConfiguration?.SmsConfiguration ?? settings.SmsConfiguration;
        if (request.SmsMfaConfiguration is not null && smsConfiguration is null)
        {
            return AwsError.InvalidParameter(UserPoolMessages.SmsMfaNeedsSmsConfiguration);
        }

        if (request.EmailMfaConfiguration is not null)
        {
            if (string.Equals(settings.UserPoolTier, UserPoolConfig.Lite, StringComparison.Ordinal))
            {
                return AwsError.FeatureUnavailableInTier(UserPoolMessages.FeatureNeedsEssentials);
            }

            if (!string.Equals(settings.EmailConfiguration?.EmailSendingAccount, "DEVELOPER", StringComparison.Ordinal))
            {
                return AwsError.InvalidParameter(UserPoolMessages.EmailMfaNeedsDeveloperEmail);
            }
        }

        var factors = new GetUserPoolMfaConfigResponse
        {
            SmsMfaConfiguration = request.SmsMfaConfiguration is null ? null : new SmsMfaConfigType(),
            SoftwareTokenMfaConfiguration = new SoftwareTokenMfaConfigType
            {
                Enabled = request.SoftwareTokenMfaConfiguration?.Enabled ?? false,
            },
            EmailMfaConfiguration = request.EmailMfaConfiguration,
            WebAuthnConfiguration = request.WebAuthnConfiguration is { } webAuthn
                ? webAuthn with { UserVerification = webAuthn.UserVerification ?? "preferred" }
                : current.WebAuthnConfiguration,
        };
        var mfa = request.MfaConfiguration ?? settings.MfaConfiguration ?? UserPoolConfig.MfaOff;

        // Observed Cognito answer: "Invalid MFA configuration given, can't turn off MFA and configure an MFA
        // together."
        if (string.Equals(request.MfaConfiguration, UserPoolConfig.MfaOff, StringComparison.Ordinal)
            && UserPoolMfaRules.AnyFactorOn(factors))
        {
            return AwsError.InvalidParameter(UserPoolMessages.MfaOffWithFactor);
        }

        if (UserPoolMfaRules.Check(mfa, factors) is { } mfaError)
        {
            return mfaError;
        }

        pool.Settings = UserPoolSettings.Write(settings with
        {
            MfaConfiguration = mfa,
            SmsConfiguration = smsConfiguration,
            SmsAuthenticationMessage = request.SmsMfaConfiguration?.SmsAuthenticationMessage
                ?? settings.SmsAuthenticationMessage,
        });
        pool.MfaSettings = UserPoolSettings.WriteMfaFactors(factors);
        pool.LastModifiedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return AwsError.ConcurrentModification(UserPoolMessages.ConcurrentUpdate);
        }

        var result = UserPoolSettings.ReadMfa(pool);
        return AwsResult.Ok(new SetUserPoolMfaConfigResponse
        {
            SmsMfaConfiguration = result.SmsMfaConfiguration,
            SoftwareTokenMfaConfiguration = result.SoftwareTokenMfaConfiguration,
            EmailMfaConfiguration = result.EmailMfaConfiguration,
            MfaConfiguration = result.MfaConfiguration,
            WebAuthnConfiguration = result.WebAuthnConfiguration,
        });
    }
}
