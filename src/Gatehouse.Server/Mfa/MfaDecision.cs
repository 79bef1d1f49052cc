namespace Gatehouse.Server.Mfa;

/// <summary>
/// What a sign-in needs after the first factor: nothing, one factor's challenge, SELECT_MFA_TYPE among
/// <see cref="Factors"/>, or MFA_SETUP offering <see cref="Factors"/>.
/// </summary>
internal sealed record MfaDecision(MfaStep Step, IReadOnlyList<string> Factors)
{
    public static readonly MfaDecision None = new(MfaStep.None, []);

    public static MfaDecision Challenge(string factor) => new(MfaStep.Challenge, [factor]);
}

internal enum MfaStep
{
    None,
    Challenge,
    Select,
    Setup,
}
