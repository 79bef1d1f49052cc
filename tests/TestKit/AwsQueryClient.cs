using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Gatehouse.Server.AwsProtocol;

namespace Gatehouse.TestKit;

/// <summary>
/// Calls an AWS Query service (IAM, STS) over HTTP as the SDKs do: <c>POST /</c> with
/// <c>Action=..&amp;Version=..</c> and the parameters form-encoded, SigV4-signed for the service unless told not to
/// sign, or signed with other (temporary) credentials.
/// </summary>
public sealed class AwsQueryClient(HttpClient http, TimeProvider clock, string accessKeyId, string secret)
{
    public const string IamVersion = "2010-05-08";
    public const string StsVersion = "2011-06-15";

    public HttpClient Http { get; } = http;

    public Task<AwsQueryResponse> IamAsync(string action, params (string Name, string Value)[] parameters) =>
        SendAsync("iam", IamVersion, action, parameters);

    public Task<AwsQueryResponse> StsAsync(string action, params (string Name, string Value)[] parameters) =>
        SendAsync("sts", StsVersion, action, parameters);

    /// <summary>
    /// Sends one call. <paramref name="credentials"/> signs with other keys (a session token goes in
    /// <c>X-Amz-Security-Token</c>); <paramref name="sign"/> false sends it unsigned.
    /// </summary>
    public async Task<AwsQueryResponse> SendAsync(
        string service, string version, string action, IEnumerable<(string Name, string Value)> parameters,
        bool sign = true, (string AccessKeyId, string Secret, string? SessionToken)? credentials = null)
    {
        var body = new StringBuilder($"Action={Uri.EscapeDataString(action)}&Version={Uri.EscapeDataString(version)}");
        foreach (var (name, value) in parameters)
        {
            body.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        var bytes = Encoding.UTF8.GetBytes(body.ToString());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/");
        request.Content = new ByteArrayContent(bytes);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        if (sign)
        {
            var (id, key, token) = credentials ?? (accessKeyId, secret, null);
            Sign(request, bytes, service, clock.GetUtcNow(), id, key, token);
        }

        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new AwsQueryResponse(response.StatusCode, text);
    }

    /// <summary>Signs a form POST the way the SDKs do.</summary>
    public void Sign(
        HttpRequestMessage request, byte[] body, string service, DateTimeOffset at, string id, string key, string? token)
    {
        var amzDate = at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        var headers = new List<KeyValuePair<string, string>>
        {
            new("content-type", "application/x-www-form-urlencoded"),
            new("host", Http.BaseAddress?.Authority ?? "localhost"),
            new("x-amz-date", amzDate),
        };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", token);
            headers.Add(new("x-amz-security-token", token));
        }

        var canonical = SigV4Signature.CanonicalRequest("POST", "/", "", headers, SigV4Signature.HexSha256(body));
        var scope = $"{date}/us-east-1/{service}/aws4_request";
        var signingKey = SigV4Signature.SigningKey(key, date, "us-east-1", service);
        var signature = SigV4Signature.Signature(signingKey, SigV4Signature.StringToSign(amzDate, scope, canonical));
        var signed = string.Join(';', headers.Select(h => h.Key));
        request.Headers.TryAddWithoutValidation("Authorization",
            $"{SigV4Signature.Algorithm} Credential={id}/{scope}, SignedHeaders={signed}, Signature={signature}");
    }
}
