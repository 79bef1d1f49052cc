using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;

namespace Gatehouse.Server.Mfa;

/// <summary>A pool's MfaConfiguration (OFF, ON, OPTIONAL) and which factors SetUserPoolMfaConfig turned on.</summary>
internal sealed record MfaPoolFactors(string Configuration, bool Sms, bool Email, bool Totp)
{
    public const string Off = "OFF";
    public const string On = "ON";
    public const string Optional = "OPTIONAL";

    public bool IsOff => string.Equals(Configuration, Off, StringComparison.Ordinal);

    public bool IsRequired => string.Equals(Configuration, On, StringComparison.Ordinal);

    public bool Allows(string factor) => !IsOff && factor switch
    {
        MfaFactors.Sms => Sms,
        MfaFactors.Email => Email,
        MfaFactors.Totp => Totp,
        _ => false,
    };

    public static MfaPoolFactors Read(UserPool pool)
    {
        var mfa = UserPoolSettings.ReadMfa(pool);
        return new MfaPoolFactors(
            mfa.MfaConfiguration ?? Off,
            mfa.SmsMfaConfiguration is not null,
            mfa.EmailMfaConfiguration is not null,
            mfa.SoftwareTokenMfaConfiguration?.Enabled == true);
    }
}
