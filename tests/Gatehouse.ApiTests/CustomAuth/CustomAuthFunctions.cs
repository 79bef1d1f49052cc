using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Gatehouse.ApiTests.Triggers;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.ApiTests.CustomAuth;

/// <summary>
/// The three challenge triggers of a one-time-code sign-in on one <see cref="FunctionStandIn"/> (the function name
/// in the Invoke path picks the trigger): Define asks PASSWORD_VERIFIER right after SRP_A, then CUSTOM_CHALLENGE
/// rounds, issues tokens after a right answer and fails after <see cref="MaxRounds"/> wrong ones; Create makes the
/// code of round n, <c>code-n</c>, private; Verify compares. <see cref="FailingTrigger"/> makes one of them answer a
/// function error.
/// </summary>
public sealed class CustomAuthFunctions : IAsyncDisposable
{
    public const string DefineArn = "arn:aws:lambda:us-east-1:123456789012:function:define-auth";
    public const string CreateArn = "arn:aws:lambda:us-east-1:123456789012:function:create-auth";
    public const string VerifyArn = "arn:aws:lambda:us-east-1:123456789012:function:verify-auth";
    public const int MaxRounds = 3;

    private CustomAuthFunctions(FunctionStandIn standIn)
    {
        StandIn = standIn;
        standIn.Answer = AnswerAsync;
    }

    public FunctionStandIn StandIn { get; }

    /// <summary>define-auth, create-auth or verify-auth: that function throws "Boom from {name}".</summary>
    public string? FailingTrigger { get; set; }

    /// <summary>Every event, by function name, in arrival order.</summary>
    public ConcurrentQueue<(string Function, JsonObject Event)> Events { get; } = new();

    public static async Task<CustomAuthFunctions> StartAsync(CancellationToken ct) =>
        new(await FunctionStandIn.StartAsync(ct));

    public static JsonObject LambdaConfig() => new()
    {
        ["DefineAuthChallenge"] = DefineArn,
        ["CreateAuthChallenge"] = CreateArn,
        ["VerifyAuthChallengeResponse"] = VerifyArn,
    };

    public IEnumerable<JsonObject> EventsOf(string function) =>
        Events.Where(e => e.Function == function).Select(e => e.Event);

    private Task AnswerAsync(HttpContext context, FunctionStandIn.Received call)
    {
        var function = call.PathAndQuery.Split('/')[3];
        var e = call.Event;
        Events.Enqueue((function, e.DeepClone().AsObject()));
        if (function == FailingTrigger)
        {
            context.Response.Headers["X-Amz-Function-Error"] = "Unhandled";
            return FunctionStandIn.Json(context,
                new JsonObject { ["errorType"] = "Error", ["errorMessage"] = $"Boom from {function}" }.ToJsonString());
        }

        var request = e["request"]!.AsObject();
        var response = e["response"]!.AsObject();
        switch (function)
        {
            case "define-auth":
                Define(request, response);
                break;
            case "create-auth":
                var round = request["session"]!.AsArray().Count(s => s!["challengeName"]!.GetValue<string>() == "CUSTOM_CHALLENGE") + 1;
                response["publicChallengeParameters"] = new JsonObject { ["round"] = round.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                response["privateChallengeParameters"] = new JsonObject { ["answer"] = $"code-{round}" };
                response["challengeMetadata"] = $"ROUND-{round}";
                break;
            case "verify-auth":
                response["answerCorrect"] = request["privateChallengeParameters"]?["answer"]?.GetValue<string>()
                    == request["challengeAnswer"]!.GetValue<string>();
                break;
            default:
                throw new InvalidOperationException($"unexpected function {function}");
        }

        return FunctionStandIn.Json(context, e.ToJsonString());
    }

    private static void Define(JsonObject request, JsonObject response)
    {
        var session = request["session"]!.AsArray().Select(s => s!.AsObject()).ToList();
        var last = session.LastOrDefault();
        var lastName = last?["challengeName"]!.GetValue<string>();
        var lastResult = last?["challengeResult"]!.GetValue<bool>() ?? false;
        var rounds = session.Count(s => s["challengeName"]!.GetValue<string>() == "CUSTOM_CHALLENGE");
        response["issueTokens"] = false;
        response["failAuthentication"] = false;
        if (session.Count == 1 && lastName == "SRP_A")
        {
            response["challengeName"] = "PASSWORD_VERIFIER";
        }
        else if (lastName == "CUSTOM_CHALLENGE" && lastResult)
        {
            response["issueTokens"] = true;
        }
        else if (rounds >= MaxRounds)
        {
            response["failAuthentication"] = true;
        }
        else
        {
            response["challengeName"] = "CUSTOM_CHALLENGE";
        }
    }

    public async ValueTask DisposeAsync() => await StandIn.DisposeAsync();
}
