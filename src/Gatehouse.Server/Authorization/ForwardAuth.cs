using System.Globalization;
using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Iam;
using Gatehouse.Server.Sts;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Authorization;

/// <summary>
/// <c>GET|POST /authorization/forward-auth</c>, for nginx <c>auth_request</c> (docs/forward-auth.md): verifies the
/// SigV4 signature a client made with temporary credentials over the ORIGINAL request (method, URI and host from
/// <c>X-Original-Method</c>, <c>X-Original-URI</c>, <c>X-Original-Host</c>; the client's <c>Authorization</c>,
/// <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c>, <c>X-Amz-Content-Sha256</c> as they came), then decides the
/// request by the role's policies. Action and resource follow API Gateway's IAM model (<c>execute-api:Invoke</c> on
/// <c>arn:aws:execute-api:&lt;region&gt;:&lt;account&gt;:&lt;api&gt;/&lt;stage&gt;/&lt;METHOD&gt;/&lt;path&gt;</c>)
/// unless the proxy names them in <c>X-Gatehouse-Action</c> / <c>X-Gatehouse-Resource</c> (placeholders
/// <c>{method}</c>, <c>{path}</c>, <c>{host}</c>). Answers: 204 allowed (with <c>X-Gatehouse-Principal</c> and,
/// for identity-pool sessions, <c>X-Gatehouse-Identity-Id</c>); 401 no, bad or unverifiable signature, unknown or
/// tampered token; 403 expired credentials, a path not in normal form, or denied. Never 5xx for bad input.
/// The proxy must set (or clear) every X-Original-*, X-Gatehouse-* and client-address header, since it passes the
/// client's own headers on.
/// </summary>
internal sealed class ForwardAuth(
    SessionCredentials sessions,
    SigV4Verifier sigV4,
    SigV4SigningKeys signingKeys,
    AuthorizationDecider decider,
    TimeProvider clock,
    IOptions<InstanceOptions> instance,
    ILogger<ForwardAuth> logger)
{
    public const string Route = "/authorization/forward-auth";
    public const string DefaultAction = "execute-api:Invoke";
    private const string EmptyBodyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var (status, session, reason) = await DecideAsync(context, context.RequestAborted);
        if (status == StatusCodes.Status204NoContent && session is not null)
        {
            var headers = context.Response.Headers;
            headers["X-Gatehouse-Principal"] = IamArns.AssumedRole(instance.Value.AccountId, session.RoleName, session.SessionName);
            if (session.ContextKeys.TryGetValue(RoleAssumption.CognitoIdentityProvider + ":sub", out var sub) && sub.Count > 0)
            {
                headers["X-Gatehouse-Identity-Id"] = sub[0];
            }

            return Results.NoContent();
        }

        Log.ForwardAuthRefused(logger, status, reason, session?.RoleId ?? "-");
        return Results.StatusCode(status);
    }

    private async ValueTask<(int Status, RoleSession? Session, string Reason)> DecideAsync(HttpContext context, CancellationToken ct)
    {
        var request = context.Request;
        var original = ForwardAuthRequest.From(
            First(request, "X-Original-Method", "X-Forwarded-Method"),
            First(request, "X-Original-URI", "X-Forwarded-Uri"),
            First(request, "X-Original-Host", "X-Forwarded-Host") is { Length: > 0 } host ? host : request.Host.Value ?? "");
        if (original is null)
        {
            return (401, null, "no original request");
        }

        var (session, signatureError) = Verify(request, original);
        if (session is null)
        {
            return (401, null, signatureError);
        }

        var now = clock.GetUtcNow();
        if (SessionCredentials.IsExpired(session, now))
        {
            return (403, session, "expired credentials");
        }

        if (original.ResourcePath() is not { } path)
        {
            return (403, session, "path not in normal form");
        }

        var action = Fill(request.Headers["X-Gatehouse-Action"].ToString(), original, path) is { Length: > 0 } a ? a : DefaultAction;
        var resource = Fill(request.Headers["X-Gatehouse-Resource"].ToString(), original, path) is { Length: > 0 } r
            ? r
            : DefaultResource(request, original, path);
        var decision = await decider.DecideAsync(session, action, resource, Context(context, session, now), explain: false, ct);
        return decision.Decision == PolicyDecision.Allow ? (204, session, "") : (403, session, decision.Decision.ToString());
    }

    private (RoleSession? Session, string Error) Verify(HttpRequest request, ForwardAuthRequest original)
    {
        if (SigV4Header.Parse(request.Headers.Authorization.ToString()) is not { } header)
        {
            return (null, "no SigV4 Authorization");
        }

        if (!SessionCredentials.IsTemporary(header.AccessKeyId))
        {
            return (null, "not temporary credentials");
        }

        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var signedAt) || !header.SignedHeaders.Contains("host"))
        {
            return (null, "no X-Amz-Date or unsigned host");
        }

        if (sessions.Open(header.AccessKeyId, request.Headers["X-Amz-Security-Token"].ToString()) is not { } session)
        {
            return (null, "unknown or tampered session token");
        }

        if (sigV4.CheckScope(header, amzDate, signedAt, service: null) is not null)
        {
            return (null, "credential scope or signing time");
        }

        var payloadHash = request.Headers["X-Amz-Content-Sha256"].ToString() is { Length: > 0 } declared ? declared : EmptyBodyHash;
        var expected = SigV4Verifier.ExpectedSignature(original.Method, original.CanonicalUri(header.Service),
            original.CanonicalQuery(), name => HeaderValue(request, original, name), payloadHash, header, amzDate,
            session.SecretAccessKey, signingKeys.For(header.AccessKeyId, session.SecretAccessKey, header));
        return SigV4Verifier.SignatureMatches(expected, header.Signature) ? (session, "") : (null, "signature mismatch");
    }

    private static string HeaderValue(HttpRequest request, ForwardAuthRequest original, string name) => name switch
    {
        "host" => original.Host,
        // nginx clears Content-Length on the subrequest; the snippet forwards the original one.
        "content-length" => request.Headers["X-Original-Content-Length"].ToString() is { Length: > 0 } length
            ? length
            : request.Headers.ContentLength?.ToString(CultureInfo.InvariantCulture) ?? "",
        _ => string.Join(',', request.Headers[name].Select(v => SigV4Signature.CanonicalHeaderValue(v ?? ""))),
    };

    private string DefaultResource(HttpRequest request, ForwardAuthRequest original, string path)
    {
        var api = request.Headers["X-Gatehouse-Api"].ToString() is { Length: > 0 } configured ? configured : original.HostName();
        var stage = request.Headers["X-Gatehouse-Stage"].ToString() is { Length: > 0 } s ? s : "*";
        return $"arn:aws:execute-api:{instance.Value.Region}:{instance.Value.AccountId}:{api}/{stage}/{original.Method}/{path}";
    }

    private static string Fill(string template, ForwardAuthRequest original, string path) =>
        template.Length == 0
            ? template
            : template.Replace("{method}", original.Method, StringComparison.Ordinal)
                .Replace("{path}", path, StringComparison.Ordinal)
                .Replace("{host}", original.HostName(), StringComparison.Ordinal);

    /// <summary>The session's keys plus the request's own (reference_policies_condition-keys.html).</summary>
    private static Dictionary<string, IReadOnlyList<string>> Context(HttpContext context, RoleSession session, DateTimeOffset now)
    {
        var keys = new Dictionary<string, IReadOnlyList<string>>(session.ContextKeys.Count + 4, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, values) in session.ContextKeys)
        {
            keys[key] = values;
        }

        keys["aws:SourceIp"] = [SourceIp(context)];
        keys["aws:CurrentTime"] = [now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)];
        keys["aws:EpochTime"] = [now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)];
        keys["aws:SecureTransport"] = [string.Equals(context.Request.Headers["X-Forwarded-Proto"].ToString(), "https",
            StringComparison.OrdinalIgnoreCase) ? "true" : "false"];
        return keys;
    }

    /// <summary>X-Real-IP, else the last X-Forwarded-For hop (the one the proxy added), else the connection's peer.</summary>
    private static string SourceIp(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (headers["X-Real-IP"].ToString() is { Length: > 0 } real)
        {
            return real.Trim();
        }

        if (headers["X-Forwarded-For"].ToString() is { Length: > 0 } forwarded)
        {
            return forwarded[(forwarded.LastIndexOf(',') + 1)..].Trim();
        }

        return context.Connection.RemoteIpAddress?.ToString() ?? "";
    }

    private static string First(HttpRequest request, string name, string fallback) =>
        request.Headers[name].ToString() is { Length: > 0 } value ? value : request.Headers[fallback].ToString();
}
