using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Server.AwsProtocol;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Triggers;

/// <summary>
/// One call to a function and the reading of its answer, every failure a value. Both kinds of target get the event
/// as a JSON POST body within <see cref="TriggersOptions.TimeoutSeconds"/> (over headers and body, on the injected
/// clock) and answers are read up to <see cref="TriggersOptions.MaxResponseBytes"/>.
/// <list type="bullet">
/// <item>Lambda Invoke API (API reference, Invoke): 200 is the function's answer; 200 with
/// <c>X-Amz-Function-Error</c> is a function error with body <c>{"errorMessage", "errorType"}</c>; other statuses are
/// the service's errors, named by <c>x-amzn-ErrorType</c> (404 ResourceNotFoundException, 429, 5xx).</item>
/// <item>HTTP function (signed, <see cref="TriggerSignature"/>): 2xx is the answer; a function error is answered
/// as Lambda does (<c>X-Amz-Function-Error</c>) or as a 4xx whose JSON body has <c>errorMessage</c>.</item>
/// </list>
/// </summary>
internal sealed class TriggerTransport(
    IHttpClientFactory factory, IOptions<TriggersOptions> options, TimeProvider clock)
{
    public const string HttpClientName = "Gatehouse.Triggers";
    private const string FunctionErrorHeader = "X-Amz-Function-Error";

    public async Task<(TriggerOutcome Outcome, string Reason)> SendAsync(
        TriggerTarget target, TriggerPoint point, JsonObject envelope, CancellationToken ct)
    {
        var settings = options.Value;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(settings.TimeoutSeconds), clock);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            using var request = Request(target, envelope, settings);
            using var response = await factory.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var body = await CappedBody.ReadAsync(response.Content, settings.MaxResponseBytes, deadline.Token);
            return body is null
                ? (TriggerOutcome.Failed(TriggerMessages.Unrecognizable()), "answer over the size cap")
                : Read(target, point, response, body);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (TriggerOutcome.Failed(TriggerMessages.Timeout(point)), "timed out");
        }
        catch (HttpRequestException e)
        {
            return (TriggerOutcome.Failed(TriggerMessages.InvocationFailed(point, "ServiceException")),
                "unreachable: " + e.HttpRequestError);
        }
    }

    private HttpRequestMessage Request(TriggerTarget target, JsonObject envelope, TriggersOptions settings)
    {
        var body = Encoding.UTF8.GetBytes(envelope.ToJsonString());
        var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (target.LambdaApi)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Invocation-Type", "RequestResponse");
        }
        else
        {
            // Problem() at start-up guarantees a key whenever an entry has a Url.
            var key = settings.SigningKey ?? throw new InvalidOperationException("Gatehouse:Triggers:SigningKey is unset.");
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.TryAddWithoutValidation(TriggerSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation(TriggerSignature.SignatureHeader, TriggerSignature.Sign(key, timestamp, body));
        }

        return request;
    }

    private static (TriggerOutcome, string) Read(
        TriggerTarget target, TriggerPoint point, HttpResponseMessage response, byte[] body)
    {
        var status = (int)response.StatusCode;
        if (response.Headers.Contains(FunctionErrorHeader) || (!target.LambdaApi && status is >= 400 and < 500
            && ErrorMessage(body) is not null))
        {
            return (TriggerOutcome.Failed(TriggerMessages.FunctionError(point, ErrorMessage(body) ?? string.Empty)),
                "function error");
        }

        if (status is < 200 or > 299)
        {
            var reason = ServiceErrorType(response) ?? response.StatusCode switch
            {
                HttpStatusCode.NotFound => "ResourceNotFoundException",
                HttpStatusCode.TooManyRequests => "TooManyRequestsException",
                _ => "ServiceException",
            };
            return (TriggerOutcome.Failed(TriggerMessages.InvocationFailed(point, reason)), "HTTP " + status);
        }

        return Answer(body);
    }

    private static (TriggerOutcome, string) Answer(byte[] body)
    {
        JsonNode? answered;
        try
        {
            answered = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return (TriggerOutcome.Failed(TriggerMessages.NotJson()), "answer is not JSON");
        }

        // An async handler that returns nothing answers null, which Cognito calls invalid JSON (amplify-cli #4341).
        if (answered is not JsonObject answeredEvent)
        {
            return (TriggerOutcome.Failed(TriggerMessages.NotJson()), "answer is not a JSON object");
        }

        return answeredEvent["response"] is JsonObject response
            ? (TriggerOutcome.Answered(answeredEvent, response), "answered")
            : (TriggerOutcome.Failed(TriggerMessages.Unrecognizable()), "answer has no response object");
    }

    /// <summary>The <c>errorMessage</c> of a function error body, or null when the body has none.</summary>
    private static string? ErrorMessage(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject error && error["errorMessage"] is JsonValue message
                && message.GetValueKind() == JsonValueKind.String
                ? message.GetValue<string>()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The Lambda service's error name (<c>x-amzn-ErrorType: ResourceNotFoundException:http://…</c>).</summary>
    private static string? ServiceErrorType(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-ErrorType", out var values)
        && values.FirstOrDefault()?.Split(':', 2)[0] is { Length: > 0 } type
        && type.All(c => char.IsAsciiLetterOrDigit(c))
            ? type
            : null;
}
