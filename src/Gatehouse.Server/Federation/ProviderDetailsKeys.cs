using Gatehouse.Server.AwsProtocol;

namespace Gatehouse.Server.Federation;

/// <summary>The key checks every provider type's rules share: required and allowed keys, and URL values.</summary>
internal static class ProviderDetailsKeys
{
    /// <summary>The first missing required key or unknown key, as InvalidParameterException; null when all is well.</summary>
    public static AwsError? Check(
        IReadOnlyDictionary<string, string> details, string providerType, IEnumerable<string> required,
        IReadOnlyCollection<string> allowed)
    {
        foreach (var key in required)
        {
            if (!details.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
            {
                return AwsError.InvalidParameter(FederationMessages.MissingDetail(key));
            }
        }

        foreach (var key in details.Keys.Order(StringComparer.Ordinal))
        {
            if (!allowed.Contains(key))
            {
                return AwsError.InvalidParameter(FederationMessages.UnknownDetail(key, providerType));
            }
        }

        return null;
    }

    /// <summary>
    /// An upstream endpoint must be an absolute https URL; plain http is allowed on loopback hosts only (stand-ins and
    /// sidecars on the same machine), as for OAuth redirect URIs of native apps.
    /// </summary>
    public static bool IsEndpoint(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && string.IsNullOrEmpty(uri.UserInfo)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    /// <summary>The first of <paramref name="keys"/> present with a value that is not an endpoint URL.</summary>
    public static AwsError? CheckUrls(IReadOnlyDictionary<string, string> details, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (details.TryGetValue(key, out var value) && !IsEndpoint(value))
            {
                return AwsError.InvalidParameter(FederationMessages.BadUrl(key));
            }
        }

        return null;
    }
}
