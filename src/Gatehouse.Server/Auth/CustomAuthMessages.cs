namespace Gatehouse.Server.Auth;

/// <summary>
/// Messages of CUSTOM_AUTH as Cognito words them: the missing-trigger refusal is the InvalidParameterException
/// Cognito answers when the pool lacks the challenge triggers (quoted in amplify-js issues #5623 and #6327).
/// </summary>
internal static class CustomAuthMessages
{
    public const string TriggersNotConfigured = "Custom auth lambda trigger is not configured for the user pool.";

    /// <summary>Cognito's InvalidLambdaResponseException text for trigger output it cannot use.</summary>
    public const string UnrecognizableOutput = "Unrecognizable lambda output";

    /// <summary>Gatehouse keeps the whole flow in the Session, which the model caps at 2048 characters.</summary>
    public const string SessionTooLarge =
        "The custom challenge state (privateChallengeParameters, challengeMetadata, session) is too large.";
}
