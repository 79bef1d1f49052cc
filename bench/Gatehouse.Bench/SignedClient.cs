using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Gatehouse.Server.AwsProtocol;

namespace Gatehouse.Bench;

/// <summary>
/// Sends AWS JSON requests as an SDK does: admin operations signed with SigV4, the public ones (InitiateAuth,
/// RespondToAuthChallenge, GetUser) unsigned; returns status and body.
/// </summary>
internal sealed class SignedClient(HttpClient http, string accessKeyId, string secret)
{
    public HttpClient Http => http;

    public async Task<(int Status, string Body)> CallAsync(string operation, string body, CancellationToken ct)
    {
        using var request = Request(operation, body, out var bytes, out var target);
        var amzDate = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        var headers = new List<KeyValuePair<string, string>>
        {
            new("content-type", "application/x-amz-json-1.1"),
            new("host", http.BaseAddress!.Authority), // BaseAddress is always set by Program.
            new("x-amz-date", amzDate),
            new("x-amz-target", target),
        };
        var canonical = SigV4Signature.CanonicalRequest("POST", "/", "", headers, SigV4Signature.HexSha256(bytes));
        var scope = $"{amzDate[..8]}/us-east-1/cognito-idp/aws4_request";
        var key = SigV4Signature.SigningKey(secret, amzDate[..8], "us-east-1", "cognito-idp");
        var signature = SigV4Signature.Signature(key, SigV4Signature.StringToSign(amzDate, scope, canonical));
        request.Headers.TryAddWithoutValidation("Authorization",
            $"{SigV4Signature.Algorithm} Credential={accessKeyId}/{scope}, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature={signature}");
        return await SendAsync(request, ct);
    }

    public async Task<(int Status, string Body)> CallUnsignedAsync(string operation, string body, CancellationToken ct)
    {
        using var request = Request(operation, body, out _, out _);
        return await SendAsync(request, ct);
    }

    public async Task<(int Status, string Body)> GetAsync(string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(request, ct);
    }

    private static HttpRequestMessage Request(string operation, string body, out byte[] bytes, out string target)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/");
        bytes = Encoding.UTF8.GetBytes(body);
        request.Content = new ByteArrayContent(bytes);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        target = $"{AwsOperationInventory.UserPoolsPrefix}.{operation}";
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        return request;
    }

    private async Task<(int Status, string Body)> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using var response = await http.SendAsync(request, ct);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }
}
