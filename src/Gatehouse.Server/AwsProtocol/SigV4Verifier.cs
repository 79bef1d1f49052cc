using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gatehouse.Server.Admin;
using Gatehouse.Server.Sts;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.AwsProtocol;

/// <summary>
/// Verifies the SigV4 <c>Authorization</c> header of a signed operation against the admin access keys or temporary
/// credentials. Checks run in the order AWS's front end applies them, and each failure has AWS's error name:
/// no header → <c>MissingAuthenticationTokenException</c>; a header missing a part → <c>IncompleteSignature</c>;
/// an unknown key, or a temporary (<c>ASIA</c>) key without a session token that opens and names it →
/// <c>UnrecognizedClientException</c> (JSON) / <c>InvalidClientTokenId</c> (Query, as IAM and STS answer); wrong
/// service, stale date or wrong signature → <c>InvalidSignatureException</c>; then, for temporary credentials, past
/// their expiry → <c>ExpiredTokenException</c> (JSON) / <c>ExpiredToken</c> (Query), and an operation they may not
/// call → <c>AccessDeniedException</c> / <c>AccessDenied</c>. The region in the scope is the client's own; it is
/// used, not enforced (protocol-notes §5.2). The caller found is left in <c>HttpContext.Features</c> as a
/// <see cref="SigV4Caller"/>.
/// </summary>
internal sealed class SigV4Verifier(
    AdminAccessKeys keys, SessionCredentials sessions, TimeProvider clock, IOptions<AwsProtocolOptions> options)
{
    // TODO(#12): temporary credentials are not admin keys. Until admin operations are authorized by IAM policy, a
    // role session may call only these; every other signed cognito-idp, cognito-identity or IAM call is refused.
    private static readonly HashSet<string> OpenToTemporaryCredentials = new(StringComparer.Ordinal)
    {
        $"{AwsOperationInventory.StsPrefix}.GetCallerIdentity",
    };

    public Task<AwsError?> VerifyAsync(HttpRequest request, byte[] body, InventoryEntry entry, CancellationToken ct) =>
        VerifyAsync(request, body, AwsOperationCatalog.SigningName(entry.Prefix), entry, ct);

    public Task<AwsError?> VerifyAsync(HttpRequest request, byte[] body, string service, CancellationToken ct) =>
        VerifyAsync(request, body, service, null, ct);

    private async Task<AwsError?> VerifyAsync(
        HttpRequest request, byte[] body, string service, InventoryEntry? entry, CancellationToken ct)
    {
        var query = service is "iam" or "sts";
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

        RoleSession? session = null;
        string? secret;
        if (SessionCredentials.IsTemporary(header.AccessKeyId))
        {
            session = sessions.Open(header.AccessKeyId, request.Headers["X-Amz-Security-Token"].ToString());
            secret = session?.SecretAccessKey;
        }
        else
        {
            secret = await keys.FindSecretAsync(header.AccessKeyId, ct);
        }

        if (secret is null)
        {
            return query
                ? AwsError.InvalidClientTokenId(StsMessages.InvalidToken)
                : AwsError.UnrecognizedClient(StsMessages.InvalidToken);
        }

        if (CheckScope(header, amzDate, signedAt, service) is { } scopeError)
        {
            return scopeError;
        }

        var expected = ExpectedSignature(
            request.Method, CanonicalUri(request), CanonicalQuery(request), name => HeaderValue(request, name),
            PayloadHash(request, header, body), header, amzDate, secret);
        if (!SignatureMatches(expected, header.Signature))
        {
            return SignatureMismatch();
        }

        if (session is not null && Refuse(session, entry, query) is { } refused)
        {
            return refused;
        }

        request.HttpContext.Features.Set(new SigV4Caller(header.AccessKeyId, session));
        return null;
    }

    private AwsError? Refuse(RoleSession session, InventoryEntry? entry, bool query)
    {
        if (SessionCredentials.IsExpired(session, clock.GetUtcNow()))
        {
            return query
                ? AwsError.ExpiredToken(StsMessages.ExpiredToken)
                : AwsError.ExpiredTokenException(StsMessages.ExpiredToken);
        }

        if (entry is not null && OpenToTemporaryCredentials.Contains(entry.Target))
        {
            return null;
        }

        var action = entry is null ? "this operation" : $"{AwsOperationCatalog.SigningName(entry.Prefix)}:{entry.Name}";
        var message = StsMessages.NotAuthorizedOperation(session.RoleArn.Replace(":iam::", ":sts::", StringComparison.Ordinal)
            .Replace(":role/", ":assumed-role/", StringComparison.Ordinal) + "/" + session.SessionName, action);
        return query ? AwsError.AccessDenied(message) : AwsError.AccessDeniedException(message);
    }

    /// <summary>Service and date of the credential scope, and the signing time within the allowed skew.</summary>
    public AwsError? CheckScope(SigV4Header header, string amzDate, DateTimeOffset signedAt, string? service)
    {
        if (service is not null && !string.Equals(header.Service, service, StringComparison.Ordinal))
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

        return null;
    }

    public static AwsError SignatureMismatch() => AwsError.InvalidSignature(
        "The request signature we calculated does not match the signature you provided. "
        + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");

    /// <summary>Constant-time comparison of the hex signatures.</summary>
    public static bool SignatureMatches(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));

    /// <summary>
    /// The signature SigV4 expects over a request given by its parts: <paramref name="headerValue"/> returns the
    /// canonical value of a signed header (lower-case name).
    /// </summary>
    public static string ExpectedSignature(string method, string canonicalUri, string canonicalQuery,
        Func<string, string> headerValue, string payloadHash, SigV4Header header, string amzDate, string secret,
        byte[]? signingKey = null)
    {
        var headers = new List<KeyValuePair<string, string>>(header.SignedHeaders.Count);
        foreach (var name in header.SignedHeaders)
        {
            headers.Add(new(name, headerValue(name)));
        }

        var canonical = SigV4Signature.CanonicalRequest(method, canonicalUri, canonicalQuery, headers, payloadHash);
        var scope = $"{header.Date}/{header.Region}/{header.Service}/aws4_request";
        var key = signingKey ?? SigV4Signature.SigningKey(secret, header.Date, header.Region, header.Service);
        return SigV4Signature.Signature(key, SigV4Signature.StringToSign(amzDate, scope, canonical));
    }

    private static string HeaderValue(HttpRequest request, string name) =>
        string.Equals(name, "host", StringComparison.Ordinal)
            ? request.Host.Value ?? ""
            : string.Join(',', request.Headers[name].Select(v => SigV4Signature.CanonicalHeaderValue(v ?? "")));

    private static string PayloadHash(HttpRequest request, SigV4Header header, byte[] body) =>
        request.Headers["X-Amz-Content-Sha256"].ToString() is { Length: > 0 } declared
        && header.SignedHeaders.Contains("x-amz-content-sha256")
            ? declared
            : SigV4Signature.HexSha256(body);

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
