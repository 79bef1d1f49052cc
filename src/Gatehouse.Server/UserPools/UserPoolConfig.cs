using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.UserPools;

/// <summary>
/// Turns the settings of a CreateUserPool or UpdateUserPool request into the pool's complete effective
/// configuration: Cognito's checks in its order, then its defaults (CreateUserPool documentation of each member;
/// UpdateUserPool resets every omitted setting to these defaults, as its documentation says).
/// </summary>
internal static class UserPoolConfig
{
    public const string Essentials = "ESSENTIALS";
    public const string Lite = "LITE";
    public const string Plus = "PLUS";
    public const string MfaOff = "OFF";

    public static PasswordPolicyType DefaultPasswordPolicy { get; } = new()
    {
        MinimumLength = 8,
        RequireUppercase = true,
        RequireLowercase = true,
        RequireNumbers = true,
        RequireSymbols = true,
        TemporaryPasswordValidityDays = 7,
    };

    /// <summary>
    /// Checks <paramref name="requested"/> and fills in defaults; the schema and sign-in attributes are already
    /// in it. <paramref name="factors"/> are the MFA factors on before the change; the result's factors are on
    /// after it (setting MFA with an SMS configuration turns SMS MFA on, as CreateUserPool does).
    /// </summary>
    public static AwsError? Resolve(
        UserPoolType requested, GetUserPoolMfaConfigResponse factors,
        out UserPoolType settings, out GetUserPoolMfaConfigResponse newFactors)
    {
        settings = requested;
        newFactors = factors;
        var tier = requested.UserPoolTier ?? Essentials;
        if (requested.AliasAttributes is { Count: > 0 } && requested.UsernameAttributes is { Count: > 0 })
        {
            return AwsError.InvalidParameter(UserPoolMessages.AliasAndUsernameAttributes);
        }

        if (ResolvePolicies(requested, tier, out var policies) is { } policyError)
        {
            return policyError;
        }

        if (ResolveAdminCreateUser(requested, out var adminCreateUser, out var temporaryDays) is { } adminError)
        {
            return adminError;
        }

        policies = policies with { PasswordPolicy = policies.PasswordPolicy! with { TemporaryPasswordValidityDays = temporaryDays } };
        if (ResolveVerificationTemplate(requested, out var template) is { } templateError)
        {
            return templateError;
        }

        var email = requested.EmailConfiguration ?? new EmailConfigurationType();
        email = email with { EmailSendingAccount = email.EmailSendingAccount ?? "COGNITO_DEFAULT" };
        if (string.Equals(email.EmailSendingAccount, "DEVELOPER", StringComparison.Ordinal) && email.SourceArn is null)
        {
            return AwsError.InvalidParameter(UserPoolMessages.DeveloperEmailNeedsSourceArn);
        }

        if (CheckRecovery(requested.AccountRecoverySetting) is { } recoveryError)
        {
            return recoveryError;
        }

        var updateSettings = requested.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? [];
        foreach (var attribute in updateSettings)
        {
            if (!(requested.AutoVerifiedAttributes ?? []).Contains(attribute, StringComparer.Ordinal))
            {
                return AwsError.InvalidParameter(UserPoolMessages.RequireVerificationNotAutoVerified(attribute));
            }
        }

        if (requested.UserPoolAddOns is { } addOns && !string.Equals(addOns.AdvancedSecurityMode, "OFF", StringComparison.Ordinal)
            && !string.Equals(tier, Plus, StringComparison.Ordinal))
        {
            return AwsError.FeatureUnavailableInTier(UserPoolMessages.AdvancedSecurityNeedsPlus);
        }

        var mfa = requested.MfaConfiguration ?? MfaOff;
        if (!string.Equals(mfa, MfaOff, StringComparison.Ordinal) && requested.SmsConfiguration is not null)
        {
            newFactors = factors with { SmsMfaConfiguration = new SmsMfaConfigType() };
        }

        if (UserPoolMfaRules.Check(mfa, newFactors) is { } mfaError)
        {
            return mfaError;
        }

        settings = requested with
        {
            Policies = policies,
            DeletionProtection = requested.DeletionProtection ?? "INACTIVE",
            LambdaConfig = requested.LambdaConfig ?? new LambdaConfigType(),
            VerificationMessageTemplate = template,
            SmsVerificationMessage = template.SmsMessage,
            EmailVerificationMessage = template.EmailMessage,
            EmailVerificationSubject = template.EmailSubject,
            UserAttributeUpdateSettings = new UserAttributeUpdateSettingsType
            {
                AttributesRequireVerificationBeforeUpdate = updateSettings,
            },
            MfaConfiguration = mfa,
            EmailConfiguration = email,
            UserPoolTags = requested.UserPoolTags ?? new Dictionary<string, string>(),
            AdminCreateUserConfig = adminCreateUser,
            UsernameConfiguration = requested.UsernameConfiguration ?? new UsernameConfigurationType { CaseSensitive = true },
            UserPoolTier = tier,
        };
        return null;
    }

    private static AwsError? ResolvePolicies(UserPoolType requested, string tier, out UserPoolPolicyType policies)
    {
        var given = requested.Policies?.PasswordPolicy;
        var password = given is null
            ? DefaultPasswordPolicy
            : new PasswordPolicyType
            {
                MinimumLength = given.MinimumLength ?? DefaultPasswordPolicy.MinimumLength,
                RequireUppercase = given.RequireUppercase ?? false,
                RequireLowercase = given.RequireLowercase ?? false,
                RequireNumbers = given.RequireNumbers ?? false,
                RequireSymbols = given.RequireSymbols ?? false,
                PasswordHistorySize = given.PasswordHistorySize,
                TemporaryPasswordValidityDays = given.TemporaryPasswordValidityDays,
            };
        var factors = requested.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? ["PASSWORD"];
        policies = new UserPoolPolicyType
        {
            PasswordPolicy = password,
            SignInPolicy = new SignInPolicyType { AllowedFirstAuthFactors = factors },
        };
        if (!factors.Contains("PASSWORD", StringComparer.Ordinal))
        {
            return AwsError.InvalidParameter(UserPoolMessages.SignInPolicyNeedsPassword);
        }

        // Password history and passwordless first factors are Essentials features (CreateUserPool, Policies).
        var lite = string.Equals(tier, Lite, StringComparison.Ordinal);
        if (lite && (password.PasswordHistorySize is > 0 || factors.Count > 1))
        {
            return AwsError.FeatureUnavailableInTier(UserPoolMessages.FeatureNeedsEssentials);
        }

        return null;
    }

    /// <summary>
    /// TemporaryPasswordValidityDays replaced the legacy UnusedAccountValidityDays; Cognito refuses both in one
    /// request, honours either alone, and reports the same value in both (default 7).
    /// </summary>
    private static AwsError? ResolveAdminCreateUser(
        UserPoolType requested, out AdminCreateUserConfigType config, out int temporaryDays)
    {
        var given = requested.AdminCreateUserConfig;
        int? fromPolicy = requested.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays is > 0 and var p ? p : null;
        int? legacy = given?.UnusedAccountValidityDays is > 0 and var u ? u : null;
        temporaryDays = fromPolicy ?? legacy ?? 7;
        config = new AdminCreateUserConfigType
        {
            AllowAdminCreateUserOnly = given?.AllowAdminCreateUserOnly ?? false,
            UnusedAccountValidityDays = temporaryDays,
            InviteMessageTemplate = given?.InviteMessageTemplate,
        };
        if (fromPolicy is not null && legacy is not null)
        {
            return AwsError.InvalidParameter(UserPoolMessages.BothTemporaryPasswordValidities);
        }

        if (given?.InviteMessageTemplate is { } invite
            && (MissesInvitePlaceholders(invite.EmailMessage) || MissesInvitePlaceholders(invite.SMSMessage)))
        {
            return AwsError.InvalidParameter(UserPoolMessages.InviteMessagePlaceholders);
        }

        return null;
    }

    private static bool MissesInvitePlaceholders(string? message) =>
        message is not null
        && (!message.Contains("{username}", StringComparison.Ordinal) || !message.Contains("{####}", StringComparison.Ordinal));

    /// <summary>
    /// The legacy EmailVerificationMessage/Subject and SmsVerificationMessage fill the template's gaps, and the
    /// pool reports the template's values in both places, as DescribeUserPool does.
    /// </summary>
    private static AwsError? ResolveVerificationTemplate(UserPoolType requested, out VerificationMessageTemplateType template)
    {
        var given = requested.VerificationMessageTemplate ?? new VerificationMessageTemplateType();
        var option = given.DefaultEmailOption ?? "CONFIRM_WITH_CODE";
        var byLink = string.Equals(option, "CONFIRM_WITH_LINK", StringComparison.Ordinal);
        template = given with
        {
            DefaultEmailOption = option,
            SmsMessage = given.SmsMessage ?? requested.SmsVerificationMessage,
            EmailMessage = byLink ? given.EmailMessage : given.EmailMessage ?? requested.EmailVerificationMessage,
            EmailSubject = given.EmailSubject ?? requested.EmailVerificationSubject,
        };
        if (template.EmailMessage is not null && template.EmailMessageByLink is not null)
        {
            return AwsError.InvalidParameter(UserPoolMessages.VerificationEmailBoth);
        }

        if (byLink && template.EmailMessageByLink is null && given.EmailSubjectByLink is not null)
        {
            return AwsError.InvalidParameter(UserPoolMessages.VerificationEmailByLinkMissing);
        }

        return null;
    }

    private static AwsError? CheckRecovery(AccountRecoverySettingType? recovery)
    {
        if (recovery?.RecoveryMechanisms is not { } mechanisms)
        {
            return null;
        }

        var valid = mechanisms.Count is >= 1 and <= 2
            && mechanisms.Select(m => m.Name).Distinct(StringComparer.Ordinal).Count() == mechanisms.Count
            && mechanisms.Select(m => m.Priority).Distinct().Count() == mechanisms.Count
            && mechanisms.All(m => m.Priority is >= 1 and <= 2)
            && (mechanisms.Count == 1 || mechanisms.All(m => !string.Equals(m.Name, "admin_only", StringComparison.Ordinal)));
        return valid ? null : AwsError.InvalidParameter(UserPoolMessages.RecoveryMechanismsInvalid);
    }
}
