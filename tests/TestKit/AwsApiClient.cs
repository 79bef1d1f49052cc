using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Server.AwsProtocol;

namespace Gatehouse.TestKit;

/// <summary>
/// Calls the AWS JSON API over HTTP exactly as an SDK does: <c>POST /</c>, <c>X-Amz-Target</c>,
/// <c>application/x-amz-json-1.1</c>, and a SigV4 signature from the test admin key unless told not to sign.
/// <see cref="ForIdentityPools"/> gives the same client for the cognito-identity service.
/// </summary>
public sealed class AwsApiClient(
    HttpClient http, TimeProvider clock, string accessKeyId, string secret,
    string prefix = AwsOperationInventory.UserPoolsPrefix, string signingName = "cognito-idp")
{
    public HttpClient Http { get; } = http;

    /// <summary>This client for <c>AWSCognitoIdentityService.*</c>, signed for <c>cognito-identity</c>.</summary>
    public AwsApiClient ForIdentityPools() =>
        new(Http, clock, accessKeyId, secret, AwsOperationInventory.IdentityPoolsPrefix, "cognito-identity");

    public Task<AwsResponse> CallAsync(string operation, object body, bool sign = true) =>
        SendAsync(operation, JsonSerializer.Serialize(body), sign);

    public async Task<AwsResponse> SendAsync(
        string operation, string rawBody, bool sign = true, Action<HttpRequestMessage>? tamper = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/");
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(rawBody));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", $"{prefix}.{operation}");
        if (sign)
        {
            Sign(request, Encoding.UTF8.GetBytes(rawBody), signingName, clock.GetUtcNow());
        }

        tamper?.Invoke(request);
        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var json = text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)?.AsObject() ?? new JsonObject();
        return new AwsResponse(response.StatusCode, json, text);
    }

    /// <summary>Signs a request the way the SDKs do, with any date (tests move it outside the window).</summary>
    public void Sign(HttpRequestMessage request, byte[] body, string service, DateTimeOffset at, string? secretOverride = null)
    {
        var amzDate = at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        request.Headers.Remove("X-Amz-Date");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        var host = Http.BaseAddress?.Authority ?? "localhost";
        var headers = new List<KeyValuePair<string, string>>
        {
            new("content-type", "application/x-amz-json-1.1"),
            new("host", host),
            new("x-amz-date", amzDate),
            new("x-amz-target", request.Headers.GetValues("X-Amz-Target").First()),
        };
        var canonical = SigV4Signature.CanonicalRequest("POST", "/", "", headers, SigV4Signature.HexSha256(body));
        var scope = $"{date}/us-east-1/{service}/aws4_request";
        var key = SigV4Signature.SigningKey(secretOverride ?? secret, date, "us-east-1", service);
        var signature = SigV4Signature.Signature(key, SigV4Signature.StringToSign(amzDate, scope, canonical));
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization",
            $"{SigV4Signature.Algorithm} Credential={accessKeyId}/{scope}, " +
            $"SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature={signature}");
    }
}
