using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Triggers;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.Auth;

/// <summary>
/// The three challenge triggers as CUSTOM_AUTH calls them, with the event shapes of the developer guide
/// ("Define Auth challenge", "Create Auth challenge", "Verify Auth challenge response" Lambda trigger pages):
/// <list type="bullet">
/// <item>DefineAuthChallenge_Authentication: request {userAttributes, session, clientMetadata, userNotFound},
/// response {challengeName, issueTokens, failAuthentication};</item>
/// <item>CreateAuthChallenge_Authentication: request {userAttributes, challengeName, session, clientMetadata,
/// userNotFound}, response {publicChallengeParameters, privateChallengeParameters, challengeMetadata};</item>
/// <item>VerifyAuthChallengeResponse_Authentication: request {userAttributes, privateChallengeParameters,
/// challengeAnswer, clientMetadata, userNotFound}, response {answerCorrect}.</item>
/// </list>
/// <c>userNotFound</c> is sent only when the client hides user existence (the guide: "populated when
/// PreventUserExistenceErrors is set to ENABLED"); <c>clientMetadata</c> only when the request carried one, and
/// never from InitiateAuth (its ClientMetadata reaches only pre sign-up, pre authentication and user migration,
/// per the model). Calling, timeouts and the Lambda error mapping are <see cref="LambdaTriggers"/>'; what the
/// functions answer is checked here, and output Cognito could not use is InvalidLambdaResponseException.
/// </summary>
internal sealed class CustomAuthTriggers(LambdaTriggers lambda)
{
    public bool AllConfigured(AuthAttempt attempt) =>
        lambda.Configured(attempt.Pool.Pool, TriggerPoint.DefineAuthChallenge)
        && lambda.Configured(attempt.Pool.Pool, TriggerPoint.CreateAuthChallenge)
        && lambda.Configured(attempt.Pool.Pool, TriggerPoint.VerifyAuthChallengeResponse);

    public async Task<(CustomAuthDecision? Decision, AwsError? Error)> DefineAsync(
        AuthAttempt attempt, CustomAuthUser who, IReadOnlyList<CustomAuthChallengeResult> session, CancellationToken ct)
    {
        var request = Request(who);
        request["session"] = SessionArray(session);
        Tail(attempt, who, request);
        var response = new JsonObject { ["challengeName"] = null, ["issueTokens"] = null, ["failAuthentication"] = null };
        var (answer, error) = await InvokeAsync(attempt, who, TriggerPoint.DefineAuthChallenge,
            "DefineAuthChallenge_Authentication", request, response, ct);
        if (error is not null)
        {
            return (null, error);
        }

        // InvokeAsync returns a response whenever it returns no error.
        if (!TryBool(answer!["failAuthentication"], out var fail) || !TryBool(answer["issueTokens"], out var issue)
            || !TryString(answer["challengeName"], out var name))
        {
            return (null, Unrecognizable());
        }

        return (new CustomAuthDecision(fail, issue, name), null);
    }

    public async Task<(CustomAuthChallenge? Challenge, AwsError? Error)> CreateAsync(
        AuthAttempt attempt, CustomAuthUser who, string challengeName, IReadOnlyList<CustomAuthChallengeResult> session,
        CancellationToken ct)
    {
        var request = Request(who);
        request["challengeName"] = challengeName;
        request["session"] = SessionArray(session);
        Tail(attempt, who, request);
        var response = new JsonObject
        {
            ["publicChallengeParameters"] = null,
            ["privateChallengeParameters"] = null,
            ["challengeMetadata"] = null,
        };
        var (answer, error) = await InvokeAsync(attempt, who, TriggerPoint.CreateAuthChallenge,
            "CreateAuthChallenge_Authentication", request, response, ct);
        if (error is not null)
        {
            return (null, error);
        }

        // InvokeAsync returns a response whenever it returns no error.
        if (!TryMap(answer!["publicChallengeParameters"], out var publicParameters)
            || !TryMap(answer["privateChallengeParameters"], out var privateParameters)
            || !TryString(answer["challengeMetadata"], out var metadata))
        {
            return (null, Unrecognizable());
        }

        return (new CustomAuthChallenge(publicParameters, privateParameters, metadata), null);
    }

    public async Task<(bool AnswerCorrect, AwsError? Error)> VerifyAsync(
        AuthAttempt attempt, CustomAuthUser who, IReadOnlyDictionary<string, string> privateParameters, string answer,
        CancellationToken ct)
    {
        var request = Request(who);
        var parameters = new JsonObject();
        foreach (var (key, value) in privateParameters)
        {
            parameters[key] = value;
        }

        request["privateChallengeParameters"] = parameters;
        request["challengeAnswer"] = answer;
        Tail(attempt, who, request);
        var (result, error) = await InvokeAsync(attempt, who, TriggerPoint.VerifyAuthChallengeResponse,
            "VerifyAuthChallengeResponse_Authentication", request, new JsonObject { ["answerCorrect"] = null }, ct);
        if (error is not null)
        {
            return (false, error);
        }

        // InvokeAsync returns a response whenever it returns no error.
        return TryBool(result!["answerCorrect"], out var correct) ? (correct, null) : (false, Unrecognizable());
    }

    private async Task<(JsonObject? Response, AwsError? Error)> InvokeAsync(
        AuthAttempt attempt, CustomAuthUser who, TriggerPoint point, string source, JsonObject request,
        JsonObject response, CancellationToken ct)
    {
        var outcome = await lambda.InvokeAsync(attempt.Pool.Pool, point,
            new TriggerCall(source, who.Username, attempt.ClientId, request, response), ct);
        return outcome.Error is { } error ? (null, error) : (outcome.Response ?? [], null);
    }

    /// <summary>
    /// userAttributes as Cognito sends them to these triggers: the user's attributes (sub included) as strings and
    /// <c>cognito:user_status</c>; nothing for a user that does not exist.
    /// </summary>
    private static JsonObject Request(CustomAuthUser who)
    {
        var attributes = new JsonObject();
        if (who.User is { } user)
        {
            foreach (var (name, value) in UserRecordWriter.ReadAttributes(user).OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                attributes[name] = value;
            }

            attributes["cognito:user_status"] = user.Status;
        }

        return new JsonObject { ["userAttributes"] = attributes };
    }

    private static void Tail(AuthAttempt attempt, CustomAuthUser who, JsonObject request)
    {
        // The InitiateAuth / AdminInitiateAuth that starts the flow (Name = the AuthFlow) carries ClientMetadata
        // too, but Cognito does not pass it to these triggers; the respond operations' (Name = the challenge) it does.
        var responding = !string.Equals(attempt.Name, AuthFlows.CustomAuth, StringComparison.Ordinal);
        if (responding && attempt.ClientMetadata is { Count: > 0 } metadata)
        {
            var map = new JsonObject();
            foreach (var (key, value) in metadata)
            {
                map[key] = value;
            }

            request["clientMetadata"] = map;
        }

        if (who.HidesUserExistence)
        {
            request["userNotFound"] = who.NotFound;
        }
    }

    private static JsonArray SessionArray(IReadOnlyList<CustomAuthChallengeResult> session) =>
        new(session.Select(entry => (JsonNode)new JsonObject
        {
            ["challengeName"] = entry.ChallengeName,
            ["challengeResult"] = entry.ChallengeResult,
            ["challengeMetadata"] = entry.ChallengeMetadata,
        }).ToArray());

    private static AwsError Unrecognizable() => AwsError.InvalidLambdaResponse(CustomAuthMessages.UnrecognizableOutput);

    /// <summary>A JSON boolean; absent or null reads as false (the function left it unset).</summary>
    private static bool TryBool(JsonNode? node, out bool value)
    {
        value = false;
        if (node is null)
        {
            return true;
        }

        if (node.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            value = node.GetValue<bool>();
            return true;
        }

        return false;
    }

    private static bool TryString(JsonNode? node, out string? value)
    {
        value = null;
        if (node is null)
        {
            return true;
        }

        if (node.GetValueKind() is JsonValueKind.String)
        {
            value = node.GetValue<string>();
            return true;
        }

        return false;
    }

    /// <summary>A map of strings (ChallengeParametersType); absent or null reads as empty.</summary>
    private static bool TryMap(JsonNode? node, out IReadOnlyDictionary<string, string> value)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        value = map;
        if (node is null)
        {
            return true;
        }

        if (node is not JsonObject obj)
        {
            return false;
        }

        foreach (var (key, item) in obj)
        {
            if (!TryString(item, out var text))
            {
                return false;
            }

            if (text is not null)
            {
                map[key] = text;
            }
        }

        return true;
    }
}
