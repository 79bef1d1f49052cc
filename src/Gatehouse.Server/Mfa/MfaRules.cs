namespace Gatehouse.Server.Mfa;

/// <summary>
/// Which MFA step follows a correct first factor (developer guide "Adding MFA to a user pool" and the
/// SetUserMFAPreference reference): with MFA OFF, none. Otherwise the factors the user turned on that the pool
/// allows and the user can receive count; with MFA ON and none turned on, the pool's SMS and email factors count
/// for a user with a phone number or email address (Cognito cannot turn SMS off for users of a pool that
/// requires MFA), and a registered authenticator counts. None: OPTIONAL signs in, ON asks for MFA_SETUP with the
/// factors the pool allows. One, or a preferred one: its challenge. Several and none preferred: SELECT_MFA_TYPE.
/// </summary>
internal static class MfaRules
{
    public static MfaDecision Decide(MfaPoolFactors pool, MfaUserFactors user)
    {
        if (pool.IsOff)
        {
            return MfaDecision.None;
        }

        var usable = MfaFactors.All.Where(f => pool.Allows(f) && user.Enabled(f) && user.CanUse(f)).ToList();
        if (usable.Count == 0 && pool.IsRequired)
        {
            usable = MfaFactors.All.Where(f => pool.Allows(f) && user.CanUse(f)).ToList();
        }

        if (usable.Count == 0)
        {
            return pool.IsRequired
                ? new MfaDecision(MfaStep.Setup, MfaFactors.All.Where(pool.Allows).ToList())
                : MfaDecision.None;
        }

        if (usable.Count == 1)
        {
            return MfaDecision.Challenge(usable[0]);
        }

        return usable.FirstOrDefault(user.Preferred) is { } preferred
            ? MfaDecision.Challenge(preferred)
            : new MfaDecision(MfaStep.Select, usable);
    }
}
