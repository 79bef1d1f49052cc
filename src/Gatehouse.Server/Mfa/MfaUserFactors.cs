using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Mfa;

/// <summary>
/// A user's MFA state as the rules need it: the stored settings (null when the user never changed any) and
/// whether the user has the attributes the code factors deliver to.
/// </summary>
internal sealed record MfaUserFactors(UserMfa? Settings, bool HasPhone, bool HasEmail)
{
    public bool TotpRegistered => Settings?.TotpSecretProtected is not null;

    public bool Enabled(string factor) => Settings is { } s && factor switch
    {
        MfaFactors.Sms => s.SmsEnabled,
        MfaFactors.Email => s.EmailEnabled,
        MfaFactors.Totp => s.TotpEnabled,
        _ => false,
    };

    public bool Preferred(string factor) => Settings is { } s && factor switch
    {
        MfaFactors.Sms => s.SmsPreferred,
        MfaFactors.Email => s.EmailPreferred,
        MfaFactors.Totp => s.TotpPreferred,
        _ => false,
    };

    /// <summary>Whether the factor can deliver or check a code for this user at all.</summary>
    public bool CanUse(string factor) => factor switch
    {
        MfaFactors.Sms => HasPhone,
        MfaFactors.Email => HasEmail,
        MfaFactors.Totp => TotpRegistered,
        _ => false,
    };

    /// <summary>UserMFASettingList: the factors the user turned on, in Cognito's order.</summary>
    public IReadOnlyList<string> EnabledList() => MfaFactors.All.Where(Enabled).ToList();

    public string? PreferredSetting() => MfaFactors.All.FirstOrDefault(Preferred);
}
