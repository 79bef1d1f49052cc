using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Mfa;

/// <summary>
/// SetUserMFAPreference and AdminSetUserMFAPreference (reference pages of both and of SMSMfaSettingsType): a
/// settings member that is absent leaves its factor as it is; Enabled turns it on or off; PreferredMfa true
/// makes it the one preferred factor (and turns it on), false stops preferring it; turning a factor off stops
/// preferring it. A factor can be turned on only when the pool allows it and the user can receive it: a phone
/// number for SMS, an email address for email, an authenticator verified by VerifySoftwareToken for TOTP.
/// All checks run before anything changes.
/// </summary>
internal static class MfaPreferences
{
    public static AwsError? Apply(MfaPoolFactors pool, MfaUserFactors user, UserMfa row,
        SMSMfaSettingsType? sms, SoftwareTokenMfaSettingsType? totp, EmailMfaSettingsType? email)
    {
        var changes = new List<(string Factor, bool? Enabled, bool? Preferred)>();
        if (sms is not null)
        {
            changes.Add((MfaFactors.Sms, sms.Enabled, sms.PreferredMfa));
        }

        if (totp is not null)
        {
            changes.Add((MfaFactors.Totp, totp.Enabled, totp.PreferredMfa));
        }

        if (email is not null)
        {
            changes.Add((MfaFactors.Email, email.Enabled, email.PreferredMfa));
        }

        foreach (var (factor, enabled, preferred) in changes)
        {
            if (Check(pool, user, factor, enabled, preferred) is { } error)
            {
                return error;
            }
        }

        foreach (var (factor, enabled, preferred) in changes)
        {
            var on = enabled ?? (preferred == true || Enabled(row, factor));
            var prefer = on && (preferred ?? Preferred(row, factor));
            if (prefer)
            {
                row.SmsPreferred = row.EmailPreferred = row.TotpPreferred = false;
            }

            Set(row, factor, on, prefer);
        }

        return null;
    }

    /// <summary>SetUserSettings' legacy MFAOptions: an SMS option to phone_number turns SMS on, none turns it off.</summary>
    public static AwsError? ApplyOptions(MfaUserFactors user, UserMfa row, IReadOnlyList<MFAOptionType> options)
    {
        if (options.Any(o => !string.Equals(o.DeliveryMedium, "SMS", StringComparison.Ordinal)
            || (o.AttributeName is not null && !string.Equals(o.AttributeName, "phone_number", StringComparison.Ordinal))))
        {
            return AwsError.InvalidParameter(MfaMessages.OnlySmsOptions);
        }

        if (options.Count > 0 && !user.HasPhone)
        {
            return AwsError.InvalidParameter(MfaMessages.NoDeliveryForSms);
        }

        Set(row, MfaFactors.Sms, options.Count > 0, options.Count > 0 && row.SmsPreferred);
        return null;
    }

    private static AwsError? Check(MfaPoolFactors pool, MfaUserFactors user, string factor, bool? enabled, bool? preferred)
    {
        if (preferred == true && enabled == false)
        {
            return AwsError.InvalidParameter(MfaMessages.PreferredNeedsEnabled);
        }

        if (enabled != true && preferred != true)
        {
            return null;
        }

        if (!pool.Allows(factor))
        {
            return AwsError.InvalidParameter(MfaMessages.FactorNotEnabledForPool(factor));
        }

        return user.CanUse(factor) ? null : factor switch
        {
            MfaFactors.Sms => AwsError.InvalidParameter(MfaMessages.NoDeliveryForSms),
            MfaFactors.Email => AwsError.InvalidParameter(MfaMessages.NoDeliveryForEmail),
            _ => AwsError.SoftwareTokenMfaNotFound(MfaMessages.TotpNotAssociated),
        };
    }

    private static bool Enabled(UserMfa row, string factor) => factor switch
    {
        MfaFactors.Sms => row.SmsEnabled,
        MfaFactors.Email => row.EmailEnabled,
        _ => row.TotpEnabled,
    };

    private static bool Preferred(UserMfa row, string factor) => factor switch
    {
        MfaFactors.Sms => row.SmsPreferred,
        MfaFactors.Email => row.EmailPreferred,
        _ => row.TotpPreferred,
    };

    private static void Set(UserMfa row, string factor, bool enabled, bool preferred)
    {
        switch (factor)
        {
            case MfaFactors.Sms:
                (row.SmsEnabled, row.SmsPreferred) = (enabled, preferred);
                break;
            case MfaFactors.Email:
                (row.EmailEnabled, row.EmailPreferred) = (enabled, preferred);
                break;
            default:
                (row.TotpEnabled, row.TotpPreferred) = (enabled, preferred);
                break;
        }
    }
}
