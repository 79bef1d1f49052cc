using Gatehouse.Server.Mfa;
using Gatehouse.Server.Storage;

namespace Gatehouse.UnitTests.Mfa;

public sealed class MfaRulesTests
{
    private static readonly MfaPoolFactors AllOptional = new("OPTIONAL", Sms: true, Email: true, Totp: true);
    private static readonly MfaPoolFactors AllOn = AllOptional with { Configuration = "ON" };

    private static MfaUserFactors User(UserMfa? settings, bool phone = true, bool email = true) => new(settings, phone, email);

    [Fact]
    public void Decide_PoolOff_None()
    {
        var decision = MfaRules.Decide(AllOptional with { Configuration = "OFF" },
            User(new UserMfa { SmsEnabled = true }));

        Assert.Equal(MfaStep.None, decision.Step);
    }

    [Fact]
    public void Decide_OptionalWithoutEnabledFactor_None()
    {
        Assert.Equal(MfaStep.None, MfaRules.Decide(AllOptional, User(null)).Step);
    }

    [Fact]
    public void Decide_OnWithoutFactorOrContact_SetupOffersPoolFactors()
    {
        var decision = MfaRules.Decide(AllOn with { Email = false }, User(null, phone: false, email: false));

        Assert.Equal(MfaStep.Setup, decision.Step);
        Assert.Equal(["SMS_MFA", "SOFTWARE_TOKEN_MFA"], decision.Factors);
    }

    [Fact]
    public void Decide_OnWithPhoneOnly_SmsWithoutEnabling()
    {
        var decision = MfaRules.Decide(AllOn, User(null, email: false));

        Assert.Equal(MfaDecision.Challenge("SMS_MFA").Factors, decision.Factors);
        Assert.Equal(MfaStep.Challenge, decision.Step);
    }

    [Fact]
    public void Decide_TwoEnabledNonePreferred_Select()
    {
        var decision = MfaRules.Decide(AllOptional,
            User(new UserMfa { SmsEnabled = true, TotpEnabled = true, TotpSecretProtected = "v1.x" }));

        Assert.Equal(MfaStep.Select, decision.Step);
        Assert.Equal(["SMS_MFA", "SOFTWARE_TOKEN_MFA"], decision.Factors);
    }

    [Fact]
    public void Decide_TwoEnabledOnePreferred_Preferred()
    {
        var decision = MfaRules.Decide(AllOptional, User(new UserMfa
        {
            SmsEnabled = true,
            TotpEnabled = true,
            TotpPreferred = true,
            TotpSecretProtected = "v1.x",
        }));

        Assert.Equal(["SOFTWARE_TOKEN_MFA"], decision.Factors);
    }

    [Fact]
    public void Decide_EnabledFactorPoolTurnedOff_NotAsked()
    {
        var decision = MfaRules.Decide(AllOptional with { Sms = false }, User(new UserMfa { SmsEnabled = true }));

        Assert.Equal(MfaStep.None, decision.Step);
    }

    [Fact]
    public void Decide_TotpEnabledWithoutSecret_NotUsable()
    {
        var decision = MfaRules.Decide(AllOptional, User(new UserMfa { TotpEnabled = true }));

        Assert.Equal(MfaStep.None, decision.Step);
    }
}
