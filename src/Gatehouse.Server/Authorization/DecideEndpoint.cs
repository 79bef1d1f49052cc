using System.Globalization;
using System.Text.Json;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Iam;
using Gatehouse.Server.Sts;

namespace Gatehouse.Server.Authorization;

/// <summary>
/// <c>POST /authorization/decide</c>: "is this principal allowed action A on resource R?" for a resource server
/// that verifies requests itself. Signed with SigV4 by an admin access key, service name <see cref="SigningName"/>
/// (<c>curl --aws-sigv4 "aws:amz:us-east-1:gatehouse" --user KEY:SECRET</c>); temporary credentials are refused.
/// Body <see cref="DecideRequest"/>, answer <see cref="DecideResponse"/>; errors are <c>{"__type","message"}</c>
/// with the SigV4 status (400/403) or 400 (ValidationError, ExpiredToken, InvalidClientTokenId, NoSuchEntity).
/// </summary>
internal static class DecideEndpoint
{
    public const string Route = "/authorization/decide";
    public const string SigningName = "gatehouse";
    private const int MaxBodyBytes = 64 * 1024;

    public static async Task<IResult> HandleAsync(HttpContext context, SigV4Verifier sigV4, SessionCredentials sessions,
        RoleDirectory roles, AuthorizationDecider decider, TimeProvider clock, ILoggerFactory loggers)
    {
        var ct = context.RequestAborted;
        if (await AwsRequestBody.ReadAsync(context.Request, MaxBodyBytes, ct) is not { } body)
        {
            return Error(AwsError.RequestTooLarge("The request body is too large."));
        }

        if (await sigV4.VerifyAsync(context.Request, body, SigningName, ct) is { } authError)
        {
            return Error(authError);
        }

        DecideRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(body, AuthorizationJsonContext.Default.DecideRequest);
        }
        catch (JsonException)
        {
            return Error(AwsError.Serialization("The request body is not a valid decide request."));
        }

        if (request is not { Action.Length: > 0, Resource.Length: > 0 }
            || (request.SessionToken is null) == (request.RoleArn is null)
            || Context(request.Context) is not { } extra)
        {
            return Error(AwsError.ValidationError(
                "Action and Resource are required, with exactly one of SessionToken and RoleArn; Context values are strings or arrays of strings."));
        }

        var now = clock.GetUtcNow();
        extra.TryAdd("aws:CurrentTime", [now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)]);
        extra.TryAdd("aws:EpochTime", [now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)]);
        AuthorizationDecision decision;
        string principal;
        if (request.SessionToken is { } token)
        {
            if (sessions.Open(token) is not { } session)
            {
                return Error(AwsError.InvalidClientTokenId(StsMessages.InvalidToken) with { Status = 400 });
            }

            if (SessionCredentials.IsExpired(session, now))
            {
                return Error(AwsError.ExpiredToken(StsMessages.ExpiredToken) with { Status = 400 });
            }

            foreach (var (key, values) in session.ContextKeys)
            {
                extra.TryAdd(key, values);
            }

            principal = IamArns.AssumedRole(roles.Account, session.RoleName, session.SessionName);
            decision = await decider.DecideAsync(session, request.Action, request.Resource, extra, explain: true, ct);
        }
        else if (await roles.FindByArnAsync(request.RoleArn!, ct) is { } role) // RoleArn is set when SessionToken is not.
        {
            principal = roles.ArnOf(role);
            decision = await decider.DecideForRoleAsync(role.RoleId, request.Action, request.Resource, extra, ct);
        }
        else
        {
            return Error(AwsError.NoSuchEntity($"The role with name {request.RoleArn} cannot be found.") with { Status = 400 });
        }

        var logger = loggers.CreateLogger(typeof(DecideEndpoint));
        Log.Decided(logger, decision.Decision, request.Action, principal);
        return Results.Json(new DecideResponse(decision.Decision.ToString(), decision.MatchedBy, principal),
            AuthorizationJsonContext.Default.DecideResponse);
    }

    private static Dictionary<string, IReadOnlyList<string>>? Context(Dictionary<string, JsonElement>? given)
    {
        var context = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in given ?? [])
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    context[key] = [value.GetString()!]; // A String element always has a string.
                    break;
                case JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String):
                    context[key] = value.EnumerateArray().Select(v => v.GetString()!).ToList();
                    break;
                default:
                    return null;
            }
        }

        return context;
    }

    private static IResult Error(AwsError error) =>
        Results.Json(new DecideError(error.Type, error.Message), AuthorizationJsonContext.Default.DecideError,
            statusCode: error.Status);
}
