using Gatehouse.Server.AwsProtocol;

namespace Gatehouse.Server.Authorization;

/// <summary>
/// The original request a reverse proxy asks about, rebuilt from what it forwards: method, URI (raw path and query,
/// as nginx's <c>$request_uri</c>) and host. Pure: the canonical URI and query SigV4 signed, and the decoded path the
/// policy resource is built from.
/// </summary>
internal sealed record ForwardAuthRequest(string Method, string RawPath, string RawQuery, string Host)
{
    public static ForwardAuthRequest? From(string method, string uri, string host)
    {
        if (method.Length == 0 || uri.Length == 0 || uri[0] != '/' || host.Length == 0)
        {
            return null;
        }

        var question = uri.IndexOf('?', StringComparison.Ordinal);
        var hash = uri.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            uri = uri[..hash];
        }

        return question < 0 || (hash >= 0 && question > hash)
            ? new ForwardAuthRequest(method.ToUpperInvariant(), uri, "", host)
            : new ForwardAuthRequest(method.ToUpperInvariant(), uri[..question], uri[(question + 1)..], host);
    }

    /// <summary>
    /// SigV4's canonical URI: S3 signs the path as sent (encoded once); every other service encodes each segment of
    /// the sent path once more (AWS General Reference, "Create a canonical request").
    /// </summary>
    public string CanonicalUri(string service) =>
        string.Equals(service, "s3", StringComparison.Ordinal)
            ? RawPath
            : string.Join('/', RawPath.Split('/').Select(segment => SigV4Signature.UriEncode(segment, keepSlash: false)));

    /// <summary>Parameters decoded and re-encoded the SigV4 way, sorted by name then value.</summary>
    public string CanonicalQuery()
    {
        if (RawQuery.Length == 0)
        {
            return "";
        }

        var pairs = new List<(string Key, string Value)>();
        foreach (var part in RawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? "" : part[(equals + 1)..];
            pairs.Add((SigV4Signature.UriEncode(Decode(key), keepSlash: false), SigV4Signature.UriEncode(Decode(value), keepSlash: false)));
        }

        return string.Join('&', pairs
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
    }

    /// <summary>
    /// The decoded path without its leading slash, for the resource ARN; null when it is not in normal form: a
    /// <c>.</c> or <c>..</c> segment, an empty segment, or an encoded <c>/</c>, <c>\</c> or NUL. The proxy may route
    /// such a path to another place than it names, so a policy written for the name must not decide it.
    /// </summary>
    public string? ResourcePath()
    {
        var raw = RawPath.Length > 1 ? RawPath[1..] : "";
        if (raw.Contains("%2f", StringComparison.OrdinalIgnoreCase) || raw.Contains("%5c", StringComparison.OrdinalIgnoreCase)
            || raw.Contains("%00", StringComparison.Ordinal) || raw.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        var decoded = Decode(raw);
        if (decoded.Length == 0)
        {
            return decoded;
        }

        foreach (var segment in decoded.Split('/'))
        {
            if (segment is "." or "..")
            {
                return null;
            }
        }

        return decoded.Contains("//", StringComparison.Ordinal) ? null : decoded;
    }

    /// <summary>The host without its port, as an API id.</summary>
    public string HostName()
    {
        if (Host.StartsWith('['))
        {
            var close = Host.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? Host[..(close + 1)] : Host;
        }

        var colon = Host.LastIndexOf(':');
        return colon > 0 ? Host[..colon] : Host;
    }

    private static string Decode(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value);
        }
        catch (UriFormatException)
        {
            return value;
        }
    }
}
