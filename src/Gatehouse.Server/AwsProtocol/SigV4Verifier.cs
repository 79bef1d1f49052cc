using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gatehouse.Server.Admin;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.AwsProtocol;

/// <summary>
/// Verifies the SigV4 <c>Authorization</c> header of a signed operation against the admin access keys.
/// Checks run in the order AWS's front end applies them, and each failure has AWS's error name:
/// no header → <c>MissingAuthenticationTokenException</c>; a header missing a part → <c>IncompleteSignature</c>;
/// an unknown key → <c>UnrecognizedClientException</c>; wrong service, stale date or wrong signature →
/// <c>InvalidSignatureException</c>. The region in the scope is the client's own; it is used, not enforced
/// (protocol-notes §5.2).
/// </summary>
internal sealed class SigV4Verifier(AdminAccessKeys keys, TimeProvider clock, IOptions<AwsProtocolOptions> options)
{
    public async Task<AwsError?> VerifyAsync(HttpRequest request, byte[] body, string service, CancellationToken ct)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            return AwsError.MissingAuthenticationToken("Missing Authentication Token");
        }

        if (SigV4Header.Parse(authorization) is not { } header)
        {
            return AwsError.IncompleteSignature(
                "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters "
                + "of the AWS4-HMAC-SHA256 algorithm.");
        }

        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return AwsError.IncompleteSignature(
                "Authorization header requires existence of a valid 'X-Amz-Date' header.");
        }

        if (!header.SignedHeaders.Contains("host"))
        {
            return AwsError.InvalidSignature("'Host' must be a signed header.");
        }

        if (await keys.FindSecretAsync(header.AccessKeyId, ct) is not { } secret)
        {
            return AwsError.UnrecognizedClient("The security token included in the request is invalid.");
        }

        if (!string.Equals(header.Service, service, StringComparison.Ordinal))
        {
            return AwsError.InvalidSignature($"Credential should be scoped to correct service: '{service}'.");
        }

        if (!string.Equals(header.Date, amzDate[..8], StringComparison.Ordinal))
        {
            return AwsError.InvalidSignature("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.");
        }

        var now = clock.GetUtcNow();
        var skew = options.Value.ClockSkew;
        if (signedAt < now - skew || signedAt > now + skew)
        {
            return AwsError.InvalidSignature(string.Create(CultureInfo.InvariantCulture,
                $"Signature expired: {amzDate} is now outside the allowed window of {skew.TotalMinutes:0} minutes around {now:yyyyMMdd'T'HHmmss'Z'}."));
        }

        var expected = Expected(request, body, header, amzDate, secret);
        if (!CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(header.Signature)))
        {
            return AwsError.InvalidSignature(
                "The request signature we calculated does not match the signature you provided. "
                + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        }

        return null;
    }

    private static string Expected(HttpRequest request, byte[] body, SigV4Header header, string amzDate, string secret)
    {
        var headers = new List<KeyValuePair<string, string>>(header.SignedHeaders.Count);
        foreach (var name in header.SignedHeaders)
        {
            var value = string.Equals(name, "host", StringComparison.Ordinal)
                ? request.Host.Value ?? ""
                : string.Join(',', request.Headers[name].Select(v => SigV4Signature.CanonicalHeaderValue(v ?? "")));
            headers.Add(new(name, value));
        }

        var payloadHash = request.Headers["X-Amz-Content-Sha256"].ToString() is { Length: > 0 } declared
            && header.SignedHeaders.Contains("x-amz-content-sha256")
                ? declared
                : SigV4Signature.HexSha256(body);
        var canonical = SigV4Signature.CanonicalRequest(
            request.Method, CanonicalUri(request), CanonicalQuery(request), headers, payloadHash);
        var scope = $"{header.Date}/{header.Region}/{header.Service}/aws4_request";
        var key = SigV4Signature.SigningKey(secret, header.Date, header.Region, header.Service);
        return SigV4Signature.Signature(key, SigV4Signature.StringToSign(amzDate, scope, canonical));
    }

    /// <summary>Non-S3 services encode each path segment of the already-encoded path once more.</summary>
    private static string CanonicalUri(HttpRequest request)
    {
        var path = (request.PathBase + request.Path).ToUriComponent();
        if (path.Length == 0)
        {
            return "/";
        }

        return string.Join('/', path.Split('/').Select(segment => SigV4Signature.UriEncode(segment, keepSlash: false)));
    }

    private static string CanonicalQuery(HttpRequest request) =>
        string.Join('&', request.Query
            .SelectMany(q => q.Value.Select(v => (
                Key: SigV4Signature.UriEncode(q.Key, keepSlash: false),
                Value: SigV4Signature.UriEncode(v ?? "", keepSlash: false))))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
}
