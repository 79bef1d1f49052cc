using Gatehouse.Server.AwsProtocol;

namespace Gatehouse.Server.Triggers;

/// <summary>
/// Cognito's answers when a trigger goes wrong, in its own words as clients see them:
/// "PreSignUp failed with error {errorMessage}." (UserLambdaValidationException: the function threw or answered an
/// error; AWS docs, pre sign-up trigger, and the message form SDK users report),
/// "PostAuthentication invocation failed due to error Socket timeout while invoking Lambda function."
/// (UnexpectedLambdaException: Cognito's 5 s wait ran out), "PreSignUp invocation failed due to error
/// AccessDeniedException." (UnexpectedLambdaException: Cognito could not invoke the function; AWS re:Post, "Lambda
/// trigger errors"), "Invalid lambda function output : Invalid JSON" and "Unrecognizable lambda output"
/// (InvalidLambdaResponseException: the answer is not JSON, or its fields are not what Cognito reads).
/// </summary>
internal static class TriggerMessages
{
    public const string InvalidJson = "Invalid lambda function output : Invalid JSON";
    public const string UnrecognizableOutput = "Unrecognizable lambda output";

    public static AwsError FunctionError(TriggerPoint point, string errorMessage) =>
        AwsError.UserLambdaValidation($"{point} failed with error {errorMessage}.");

    public static AwsError Timeout(TriggerPoint point) =>
        InvocationFailed(point, "Socket timeout while invoking Lambda function");

    /// <summary>No mapping for the function: what Cognito answers when it lacks permission to invoke it.</summary>
    public static AwsError NotInvocable(TriggerPoint point) => InvocationFailed(point, "AccessDeniedException");

    public static AwsError InvocationFailed(TriggerPoint point, string reason) =>
        AwsError.UnexpectedLambda($"{point} invocation failed due to error {reason}.");

    public static AwsError NotJson() => AwsError.InvalidLambdaResponse(InvalidJson);

    public static AwsError Unrecognizable() => AwsError.InvalidLambdaResponse(UnrecognizableOutput);
}
