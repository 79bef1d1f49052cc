using System.Globalization;
using System.Text.Json;

namespace Gatehouse.Server.AwsProtocol;

/// <summary>
/// The single writer of AWS JSON 1.1 results and errors (protocol-notes §3, §4): status, body,
/// <c>x-amzn-RequestId</c>, <c>x-amzn-ErrorType</c> and <c>Date</c>, which SDKs use to correct clock skew.
/// </summary>
internal sealed class AwsResponseWriter(TimeProvider clock)
{
    public const string ContentType = "application/x-amz-json-1.1";

    public async Task WriteAsync(HttpContext context, AwsResult result, CancellationToken ct)
    {
        var response = context.Response;
        response.ContentType = ContentType;
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        response.Headers.Date = clock.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        if (result.Error is { } error)
        {
            response.StatusCode = error.Status;
            response.Headers["x-amzn-ErrorType"] = error.Type + ":";
            await using var writer = new Utf8JsonWriter(response.Body);
            writer.WriteStartObject();
            writer.WriteString("__type", error.Type);
            writer.WriteString("message", error.Message);
            if (error.ReasonCode is { } reason)
            {
                writer.WriteString("reasonCode", reason);
            }

            writer.WriteEndObject();
            await writer.FlushAsync(ct);
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        if (result.Body is null || result.BodyType is null)
        {
            await response.Body.WriteAsync("{}"u8.ToArray(), ct);
            return;
        }

        await JsonSerializer.SerializeAsync(response.Body, result.Body, AwsJson.Options.GetTypeInfo(result.BodyType), ct);
    }
}
