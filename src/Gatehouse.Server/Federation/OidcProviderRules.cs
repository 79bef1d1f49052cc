using Gatehouse.Server.AwsProtocol;

namespace Gatehouse.Server.Federation;

/// <summary>
/// ProviderDetails of an OIDC provider: <c>client_id</c>, <c>attributes_request_method</c> (GET or POST),
/// <c>oidc_issuer</c> and <c>authorize_scopes</c> (with <c>openid</c>) are required, <c>client_secret</c> optional (a
/// public upstream client signs in with PKCE alone). <c>authorize_url</c>, <c>token_url</c>, <c>jwks_uri</c> and
/// <c>attributes_url</c> given in the request are kept, as Cognito accepts them when it cannot discover them; the
/// missing ones come from the issuer's discovery document, and the provider is refused when one of the first three is
/// still missing. Cognito adds <c>attributes_url_add_attributes</c>: false.
/// </summary>
internal sealed class OidcProviderRules(OidcDiscovery discovery) : IProviderDetailsRules
{
    private static readonly string[] Required = ["client_id", "attributes_request_method", "oidc_issuer", "authorize_scopes"];

    private static readonly string[] Endpoints = ["authorize_url", "token_url", "jwks_uri", "attributes_url"];

    private static readonly HashSet<string> Allowed = new(
        [.. Required, .. Endpoints, "client_secret", "attributes_url_add_attributes"], StringComparer.Ordinal);

    public bool Handles(string providerType) => providerType == "OIDC";

    public async Task<ProviderDetailsOutcome> CompleteAsync(
        string poolId, string providerName, string providerType, Dictionary<string, string> details, CancellationToken ct)
    {
        var error = ProviderDetailsKeys.Check(details, providerType, Required, Allowed)
            ?? CheckMethod(details["attributes_request_method"])
            ?? CheckScopes(details["authorize_scopes"])
            ?? ProviderDetailsKeys.CheckUrls(details, ["oidc_issuer", .. Endpoints]);
        if (error is not null)
        {
            return new ProviderDetailsOutcome(null, error);
        }

        var issuer = details["oidc_issuer"];
        if (Endpoints.Any(key => !details.ContainsKey(key)))
        {
            var (discovered, reason) = await discovery.DiscoverAsync(issuer, ct);
            if (discovered is not null)
            {
                foreach (var (key, value) in discovered)
                {
                    details.TryAdd(key, value);
                }
            }
            else if (Endpoints.Take(3).Any(key => !details.ContainsKey(key)))
            {
                return new ProviderDetailsOutcome(null, AwsError.InvalidParameter(reason!));
            }
        }

        if (Endpoints.Take(3).FirstOrDefault(key => !details.ContainsKey(key)) is { } missing)
        {
            return new ProviderDetailsOutcome(null, AwsError.InvalidParameter(FederationMessages.DiscoveryFailed(issuer)
                + " " + FederationMessages.MissingDetail(missing)));
        }

        if (ProviderDetailsKeys.CheckUrls(details, Endpoints) is { } badDiscovered)
        {
            return new ProviderDetailsOutcome(null, badDiscovered);
        }

        details["attributes_url_add_attributes"] = "false";
        return new ProviderDetailsOutcome(details, null);
    }

    private static AwsError? CheckMethod(string method) =>
        method is "GET" or "POST" ? null : AwsError.InvalidParameter(FederationMessages.BadRequestMethod);

    private static AwsError? CheckScopes(string scopes) =>
        scopes.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Contains("openid", StringComparer.Ordinal)
            ? null
            : AwsError.InvalidParameter(FederationMessages.OidcScopeNeedsOpenId);
}
