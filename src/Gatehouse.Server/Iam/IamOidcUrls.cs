using Gatehouse.Server.AwsProtocol;

namespace Gatehouse.Server.Iam;

/// <summary>
/// The URL of an IAM OIDC provider and the host/path that names it (its ARN is
/// <c>oidc-provider/&lt;host/path&gt;</c>, and GetOpenIDConnectProvider's Url is that host/path, without the scheme,
/// as IAM returns it). IAM requires <c>https://</c> and no query or fragment. Gatehouse also accepts <c>http://</c>
/// for a loopback host (localhost, 127.0.0.0/8, ::1): its own user pools are OIDC issuers, and a server run for
/// tests or development on 127.0.0.1 has no certificate, so their issuer URL is <c>http://127.0.0.1:port/pool</c>.
/// A loopback URL can only name this very machine, so the exception trusts nothing remote. A non-default port is
/// kept in the host/path (IAM says the URL "should not contain a port", but the issuer of a loopback server has
/// one); the host is lower-cased and a trailing <c>/</c> dropped.
/// </summary>
internal static class IamOidcUrls
{
    public static string? HostPath(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0 || uri.Host.Length == 0)
        {
            return null;
        }

        var allowed = uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
        return allowed ? uri.Authority.ToLowerInvariant() + uri.AbsolutePath.TrimEnd('/') : null;
    }

    /// <summary>InvalidInput when <paramref name="arn"/> is not an OIDC-provider ARN at all.</summary>
    public static AwsError? CheckArn(string arn) =>
        arn.StartsWith("arn:aws:iam::", StringComparison.Ordinal)
        && arn.Contains(":oidc-provider/", StringComparison.Ordinal)
            ? null
            : AwsError.InvalidInput(IamMessages.InvalidArn(arn));
}
