using System.Text.Json.Nodes;
using Gatehouse.Server.AwsProtocol;

namespace Gatehouse.Server.Triggers;

/// <summary>
/// How a call ended: the function's answered event (<see cref="Event"/>) and its <c>response</c> object
/// (<see cref="Response"/>), or <see cref="Error"/>, already Cognito's answer to the client
/// (UserLambdaValidationException, UnexpectedLambdaException, InvalidLambdaResponseException). A trigger point
/// that finds a field of the wrong type in <see cref="Response"/> answers <see cref="TriggerMessages.Unrecognizable"/>
/// through <see cref="TriggerResponse"/>.
/// </summary>
internal sealed record TriggerOutcome
{
    private TriggerOutcome(JsonObject? answeredEvent, JsonObject? response, AwsError? error)
    {
        Event = answeredEvent;
        Response = response;
        Error = error;
    }

    public JsonObject? Event { get; }

    public JsonObject? Response { get; }

    public AwsError? Error { get; }

    public bool Succeeded => Error is null;

    public static TriggerOutcome Answered(JsonObject answeredEvent, JsonObject response) =>
        new(answeredEvent, response, null);

    public static TriggerOutcome Failed(AwsError error) => new(null, null, error);
}
