using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.UserPools;

/// <summary>
/// Turns the settings of a CreateUserPoolClient or UpdateUserPoolClient request into the client's complete
/// effective configuration: checks in a fixed order (the first failure wins), then defaults. UpdateUserPoolClient
/// resets omitted settings to these defaults, as its documentation says.
/// </summary>
internal static class AppClientConfig
{
    /// <summary>Default ExplicitAuthFlows (CreateUserPoolClient documentation of ExplicitAuthFlows).</summary>
    public static IReadOnlyList<string> DefaultAuthFlows { get; } =
        ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH"];

    private const string ShortRange = "5 minutes and 1 day";
    private const string RefreshRange = "60 minutes and 10 years";

    private static readonly string[] LegacyAuthFlows = ["ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH"];

    /// <summary>Scopes every pool has; custom scopes are <c>{resource server identifier}/{scope name}</c>.</summary>
    private static readonly string[] StandardScopes = ["phone", "email", "openid", "profile", "aws.cognito.signin.user.admin"];

    /// <summary>
    /// The effective settings; <paramref name="customScopes"/> are the pool's resource-server scopes
    /// (<see cref="ResourceServerScopes.LoadAsync"/>); <c>verb</c> ("creating"/"updating") words Cognito's
    /// attribute messages.
    /// </summary>
    public static AwsError? Resolve(
        UserPoolClientType requested, bool hasSecret, string poolId, UserPoolType pool,
        IReadOnlySet<string> customScopes, IReadOnlySet<string> providerNames, string verb, out UserPoolClientType settings)
    {
        settings = requested;
        var access = AppClientTokenValidity.Resolve(requested.AccessTokenValidity, requested.TokenValidityUnits?.AccessToken, "hours", 60, "minutes");
        var id = AppClientTokenValidity.Resolve(requested.IdTokenValidity, requested.TokenValidityUnits?.IdToken, "hours", 60, "minutes");
        var refresh = AppClientTokenValidity.Resolve(requested.RefreshTokenValidity, requested.TokenValidityUnits?.RefreshToken, "days", 30, "days");
        var validityError =
            CheckValidity("access", access, AppClientTokenValidity.ShortMinimum, AppClientTokenValidity.ShortMaximum, ShortRange)
            ?? CheckValidity("ID", id, AppClientTokenValidity.ShortMinimum, AppClientTokenValidity.ShortMaximum, ShortRange)
            ?? CheckValidity("refresh", refresh, AppClientTokenValidity.RefreshMinimum, AppClientTokenValidity.RefreshMaximum, RefreshRange);
        if (validityError is not null)
        {
            return validityError;
        }

        var flows = requested.ExplicitAuthFlows ?? DefaultAuthFlows;
        if (flows.Any(f => LegacyAuthFlows.Contains(f, StringComparer.Ordinal))
            && flows.Any(f => f.StartsWith("ALLOW_", StringComparison.Ordinal)))
        {
            return AwsError.InvalidParameter(UserPoolMessages.LegacyAndNewAuthFlows);
        }

        var attributes = (pool.SchemaAttributes ?? []).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        if (requested.ReadAttributes is { } read && read.Any(a => !attributes.Contains(a)))
        {
            return AwsError.InvalidParameter(UserPoolMessages.InvalidReadAttributes(verb));
        }

        // sub is assigned by the pool and never written by a client.
        if (requested.WriteAttributes is { } write
            && write.Any(a => !attributes.Contains(a) || string.Equals(a, "sub", StringComparison.Ordinal)))
        {
            return AwsError.InvalidParameter(UserPoolMessages.InvalidWriteAttributes(verb));
        }

        if (requested.SupportedIdentityProviders?.FirstOrDefault(p => !string.Equals(p, "COGNITO", StringComparison.Ordinal)
                && !providerNames.Contains(p)) is { } provider)
        {
            return AwsError.InvalidParameter(UserPoolMessages.ProviderDoesNotExist(provider, poolId));
        }

        if (CheckOAuth(requested, hasSecret, customScopes) is { } oauthError)
        {
            return oauthError;
        }

        if (requested.EnablePropagateAdditionalUserContextData == true && !hasSecret)
        {
            return AwsError.InvalidParameter(UserPoolMessages.ContextDataNeedsSecret);
        }

        settings = requested with
        {
            AccessTokenValidity = access.Value,
            IdTokenValidity = id.Value,
            RefreshTokenValidity = refresh.Value,
            TokenValidityUnits = new TokenValidityUnitsType { AccessToken = access.Unit, IdToken = id.Unit, RefreshToken = refresh.Unit },
            ExplicitAuthFlows = flows,
            AllowedOAuthFlowsUserPoolClient = requested.AllowedOAuthFlowsUserPoolClient ?? false,
            PreventUserExistenceErrors = requested.PreventUserExistenceErrors ?? "LEGACY",
            EnableTokenRevocation = requested.EnableTokenRevocation ?? true,
            EnablePropagateAdditionalUserContextData = requested.EnablePropagateAdditionalUserContextData ?? false,
            AuthSessionValidity = requested.AuthSessionValidity ?? 3,
            // Cognito answers a rotation setting without a grace period with RetryGracePeriodSeconds 0.
            RefreshTokenRotation = requested.RefreshTokenRotation is { } rotation
                ? rotation with { RetryGracePeriodSeconds = rotation.RetryGracePeriodSeconds ?? 0 }
                : null,
        };
        return null;
    }

    private static AwsError? CheckValidity(string token, (int Value, string Unit) validity, TimeSpan min, TimeSpan max, string range)
    {
        var duration = AppClientTokenValidity.Duration(validity.Value, validity.Unit);
        return duration >= min && duration <= max
            ? null
            : AwsError.InvalidParameter(UserPoolMessages.TokenValidityOutOfRange(token, range));
    }

    private static AwsError? CheckOAuth(UserPoolClientType requested, bool hasSecret, IReadOnlySet<string> customScopes)
    {
        var flows = requested.AllowedOAuthFlows ?? [];
        var scopes = requested.AllowedOAuthScopes ?? [];
        var clientCredentials = flows.Contains("client_credentials", StringComparer.Ordinal);
        if (requested.AllowedOAuthFlowsUserPoolClient == true && (flows.Count == 0 || scopes.Count == 0))
        {
            return AwsError.InvalidOAuthFlow(UserPoolMessages.OAuthFlowsRequired);
        }

        if (clientCredentials && flows.Count > 1)
        {
            return AwsError.InvalidOAuthFlow(UserPoolMessages.ClientCredentialsWithOtherFlows);
        }

        if (clientCredentials && !hasSecret)
        {
            return AwsError.InvalidOAuthFlow(UserPoolMessages.ClientCredentialsNeedSecret);
        }

        if (scopes.FirstOrDefault(s => !StandardScopes.Contains(s, StringComparer.Ordinal) && !customScopes.Contains(s))
            is { } unknownScope)
        {
            return AwsError.ScopeDoesNotExist(UserPoolMessages.ScopeDoesNotExist(unknownScope));
        }

        var callbacks = requested.CallbackURLs ?? [];
        if (callbacks.Concat(requested.LogoutURLs ?? []).FirstOrDefault(u => !IsAllowedRedirect(u)) is { } badUri)
        {
            return AwsError.InvalidParameter(UserPoolMessages.InvalidRedirectUri(badUri));
        }

        if (flows.Any(f => f is "code" or "implicit") && callbacks.Count == 0)
        {
            return AwsError.InvalidParameter(UserPoolMessages.CallbackUrlRequired);
        }

        if (requested.DefaultRedirectURI is { } defaultUri && !callbacks.Contains(defaultUri, StringComparer.Ordinal))
        {
            return AwsError.InvalidParameter(UserPoolMessages.DefaultRedirectNotInCallbacks);
        }

        return null;
    }

    /// <summary>
    /// An absolute URI without a fragment; plain http only for localhost (CallbackURLs documentation: "Amazon
    /// Cognito requires HTTPS over HTTP except for http://localhost"; app schemes like myapp:// are allowed).
    /// </summary>
    public static bool IsAllowedRedirect(string uri)
    {
        // On Unix a bare "/path" parses as an absolute file URI; the scheme must be written out.
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || uri.Contains('#', StringComparison.Ordinal)
            || !uri.StartsWith(parsed.Scheme + ":", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return !string.Equals(parsed.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase)
            || string.Equals(parsed.Host, "localhost", StringComparison.OrdinalIgnoreCase);
    }
}
