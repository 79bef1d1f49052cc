using System.Globalization;
using System.Net;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Authorization;

/// <summary>
/// Asks <c>/authorization/forward-auth</c> as nginx's <c>auth_request</c> would: the original method, URI and host
/// in X-Original-* headers, and the client's SigV4 headers signed over that original request (service
/// <c>execute-api</c>, as the SDK signers do for API Gateway).
/// </summary>
internal sealed class ForwardAuthClient(GatehouseFactory factory)
{
    public const string Host = "api.example.com";
    private readonly HttpClient _http = factory.CreateClient();

    public async Task<HttpResponseMessage> SendAsync(
        string method, string uri, (string Id, string Secret, string? Token)? credentials,
        Action<HttpRequestMessage>? extra = null, string? signedUri = null, DateTimeOffset? at = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/authorization/forward-auth");
        request.Headers.TryAddWithoutValidation("X-Original-Method", method);
        request.Headers.TryAddWithoutValidation("X-Original-URI", uri);
        request.Headers.TryAddWithoutValidation("X-Original-Host", Host);
        if (credentials is { } c)
        {
            Sign(request, method, signedUri ?? uri, c.Id, c.Secret, c.Token, at ?? factory.Clock.GetUtcNow());
        }

        extra?.Invoke(request);
        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async Task<HttpStatusCode> StatusAsync(string method, string uri, (string, string, string?)? credentials,
        Action<HttpRequestMessage>? extra = null)
    {
        using var response = await SendAsync(method, uri, credentials, extra);
        return response.StatusCode;
    }

    private static void Sign(HttpRequestMessage request, string method, string uri, string id, string secret, string? token,
        DateTimeOffset at)
    {
        var amzDate = at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        var headers = new List<KeyValuePair<string, string>> { new("host", Host), new("x-amz-date", amzDate) };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", token);
            headers.Add(new("x-amz-security-token", token));
        }

        var question = uri.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? uri : uri[..question];
        var query = question < 0 ? "" : string.Join('&', uri[(question + 1)..].Split('&')
            .Select(p => p.Split('=', 2)).Select(p => (K: SigV4Signature.UriEncode(Uri.UnescapeDataString(p[0]), false),
                V: SigV4Signature.UriEncode(Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""), false)))
            .OrderBy(p => p.K, StringComparer.Ordinal).ThenBy(p => p.V, StringComparer.Ordinal).Select(p => $"{p.K}={p.V}"));
        var canonicalUri = string.Join('/', path.Split('/').Select(s => SigV4Signature.UriEncode(s, keepSlash: false)));
        var canonical = SigV4Signature.CanonicalRequest(method, canonicalUri, query, headers, SigV4Signature.HexSha256([]));
        var scope = $"{date}/us-east-1/execute-api/aws4_request";
        var key = SigV4Signature.SigningKey(secret, date, "us-east-1", "execute-api");
        var signature = SigV4Signature.Signature(key, SigV4Signature.StringToSign(amzDate, scope, canonical));
        request.Headers.TryAddWithoutValidation("Authorization",
            $"{SigV4Signature.Algorithm} Credential={id}/{scope}, SignedHeaders={string.Join(';', headers.Select(h => h.Key))}, Signature={signature}");
    }
}
