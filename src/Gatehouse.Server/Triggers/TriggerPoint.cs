namespace Gatehouse.Server.Triggers;

/// <summary>
/// The places a pool can call a function: the member names of the model's <c>LambdaConfigType</c>, which are also
/// the names Cognito puts in front of its trigger errors ("PreSignUp failed with error …"). PreTokenGeneration's
/// function is <c>PreTokenGenerationConfig.LambdaArn</c> when that is set, else <c>PreTokenGeneration</c>; the two
/// custom senders' functions are the <c>LambdaArn</c> of their version configs.
/// </summary>
internal enum TriggerPoint
{
    PreSignUp,
    CustomMessage,
    PostConfirmation,
    PreAuthentication,
    PostAuthentication,
    DefineAuthChallenge,
    CreateAuthChallenge,
    VerifyAuthChallengeResponse,
    PreTokenGeneration,
    UserMigration,
    CustomSMSSender,
    CustomEmailSender,
}
