using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Gatehouse.Server.AwsProtocol;

namespace Gatehouse.Bench;

/// <summary>
/// Sends AWS requests as an SDK does and returns status and body. JSON 1.1 calls go to a service named by
/// <see cref="AwsJsonService"/>: user pools (cognito-idp, the default of the shorter overloads) or identity pools
/// (cognito-identity); admin operations are signed with SigV4 for that service, the public ones (InitiateAuth,
/// GetUser, GetId, GetCredentialsForIdentity) go unsigned. AWS Query calls (IAM, STS) are form posts signed for
/// their service.
/// </summary>
internal sealed class SignedClient(HttpClient http, string accessKeyId, string secret)
{
    // The SDKs send this exact content type for AWS Query; it is a signed header, so the value must match byte for byte.
    private const string FormContentType = "application/x-www-form-urlencoded; charset=utf-8";

    public HttpClient Http => http;

    public Task<(int Status, string Body)> CallAsync(string operation, string body, CancellationToken ct) =>
        CallAsync(AwsJsonService.UserPools, operation, body, ct);

    public Task<(int Status, string Body)> CallUnsignedAsync(string operation, string body, CancellationToken ct) =>
        CallUnsignedAsync(AwsJsonService.UserPools, operation, body, ct);

    public async Task<(int Status, string Body)> CallAsync(
        AwsJsonService service, string operation, string body, CancellationToken ct)
    {
        using var request = Request(service, operation, body, out var bytes, out var target);
        Sign(request, service.SigningName, bytes, [new("content-type", "application/x-amz-json-1.1"), new("x-amz-target", target)]);
        return await SendAsync(request, ct);
    }

    public async Task<(int Status, string Body)> CallUnsignedAsync(
        AwsJsonService service, string operation, string body, CancellationToken ct)
    {
        using var request = Request(service, operation, body, out _, out _);
        return await SendAsync(request, ct);
    }

    /// <summary>An AWS Query call (<c>POST /</c>, form body) signed for <paramref name="signingName"/> (iam, sts).</summary>
    public async Task<(int Status, string Body)> CallQueryAsync(
        string signingName, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken ct)
    {
        var form = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var bytes = Encoding.UTF8.GetBytes(form);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", FormContentType);
        Sign(request, signingName, bytes, [new("content-type", FormContentType)]);
        return await SendAsync(request, ct);
    }

    public async Task<(int Status, string Body)> GetAsync(string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(request, ct);
    }

    /// <summary>
    /// Adds X-Amz-Date and the SigV4 Authorization header. <paramref name="headers"/> are the request's own headers
    /// to sign besides host and x-amz-date, lower-case, as sent.
    /// </summary>
    private void Sign(HttpRequestMessage request, string service, byte[] body, List<KeyValuePair<string, string>> headers)
    {
        var amzDate = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        headers.Add(new("host", http.BaseAddress!.Authority)); // BaseAddress is always set by Program.
        headers.Add(new("x-amz-date", amzDate));
        headers.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var canonical = SigV4Signature.CanonicalRequest("POST", "/", "", headers, SigV4Signature.HexSha256(body));
        var scope = $"{amzDate[..8]}/us-east-1/{service}/aws4_request";
        var key = SigV4Signature.SigningKey(secret, amzDate[..8], "us-east-1", service);
        var signature = SigV4Signature.Signature(key, SigV4Signature.StringToSign(amzDate, scope, canonical));
        var signed = string.Join(';', headers.Select(h => h.Key));
        request.Headers.TryAddWithoutValidation("Authorization",
            $"{SigV4Signature.Algorithm} Credential={accessKeyId}/{scope}, SignedHeaders={signed}, Signature={signature}");
    }

    private static HttpRequestMessage Request(
        AwsJsonService service, string operation, string body, out byte[] bytes, out string target)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/");
        bytes = Encoding.UTF8.GetBytes(body);
        request.Content = new ByteArrayContent(bytes);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        target = $"{service.TargetPrefix}.{operation}";
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        return request;
    }

    private async Task<(int Status, string Body)> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using var response = await http.SendAsync(request, ct);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }
}
