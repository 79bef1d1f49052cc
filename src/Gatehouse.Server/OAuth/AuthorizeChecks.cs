using System.Text.RegularExpressions;
using Gatehouse.Server.HostedUi;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;
using Gatehouse.Server.UserPools;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.OAuth;

/// <summary>
/// The checks of an authorize request, in order; the first failure wins. Until the client and its redirect_uri are
/// known good, errors are shown on the error page (never redirected: no open redirect); after that they go back to
/// the redirect_uri with <c>error</c> and <c>state</c> (RFC 6749 §4.1.2.1, §4.2.2.1).
/// </summary>
internal sealed partial class AuthorizeChecks(AppDb db, IOptions<HostedUiOptions> options)
{
    public const string UnsupportedProvider = "The identity provider is not supported by this client.";

    public async Task<AuthorizeOutcome> RunAsync(PoolDomainContext domain, AuthorizeRequest request, CancellationToken ct)
    {
        // RequireClientId, RejectUnknownClient (a client of another pool is unknown on this domain).
        if (request.ClientId is not { Length: > 0 } clientId)
        {
            return new(PageError: HostedUiStrings.MissingClientId);
        }

        if (await db.FindClientAsync(domain.PoolId, clientId, ct) is not { } client)
        {
            return new(PageError: HostedUiStrings.UnknownClient);
        }

        // RequireRegisteredRedirectUri: exact string match against CallbackURLs (RFC 9700 §4.1.3).
        var settings = UserPoolSettings.ReadClient(client);
        if (request.RedirectUri is not { Length: > 0 } redirect
            || !(settings.CallbackURLs ?? []).Contains(redirect, StringComparer.Ordinal))
        {
            return new(PageError: HostedUiStrings.RedirectMismatch);
        }

        if ((RequireOAuthClient(settings) ?? RequireResponseType(request, settings)) is { } refused)
        {
            return refused;
        }

        var (providerError, provider) = await RequireSupportedProviderAsync(request, client, settings, ct);
        return providerError
            ?? RequireValidPkce(request, client)
            ?? await GrantScopesAsync(request, client, settings, provider, ct);
    }

    private static AuthorizeOutcome? RequireOAuthClient(AwsProtocol.Shapes.UserPoolClientType settings) =>
        settings.AllowedOAuthFlowsUserPoolClient == true
            ? null
            : Redirect("unauthorized_client", "Client is not enabled for OAuth 2.0 flows.");

    private static AuthorizeOutcome? RequireResponseType(AuthorizeRequest request, AwsProtocol.Shapes.UserPoolClientType settings)
    {
        var flow = request.ResponseType switch
        {
            "code" => "code",
            "token" => "implicit",
            _ => null,
        };
        if (flow is null)
        {
            return Redirect("unsupported_response_type", "response_type must be code or token.");
        }

        return (settings.AllowedOAuthFlows ?? []).Contains(flow, StringComparer.Ordinal)
            ? null
            : Redirect("unauthorized_client", $"The client is not allowed the {flow} flow.");
    }

    /// <summary>
    /// <c>identity_provider</c> must be COGNITO or a provider of the pool, and either must be among the client's
    /// SupportedIdentityProviders; <c>idp_identifier</c> must name one of the IdpIdentifiers of such a provider
    /// (compared ignoring case, as e-mail domains are). Cognito answers an unsupported provider with an
    /// <c>invalid_request</c> redirect; a client that supports no provider at all cannot sign anyone in
    /// (<c>unauthorized_client</c>). The provider found is carried in <see cref="ValidAuthorize.Provider"/>.
    /// </summary>
    private async Task<(AuthorizeOutcome? Error, IdentityProvider? Provider)> RequireSupportedProviderAsync(
        AuthorizeRequest request, AppClient client, AwsProtocol.Shapes.UserPoolClientType settings, CancellationToken ct)
    {
        var supported = settings.SupportedIdentityProviders ?? [];
        if (supported.Count == 0)
        {
            return (Redirect("unauthorized_client", "The client does not support any identity provider."), null);
        }

        if (request.IdentityProvider is { Length: > 0 } name)
        {
            if (!supported.Contains(name, StringComparer.Ordinal))
            {
                return (Redirect("invalid_request", UnsupportedProvider), null);
            }

            if (string.Equals(name, ValidAuthorize.Cognito, StringComparison.Ordinal))
            {
                return (null, null);
            }

            var provider = await db.IdentityProviders.AsNoTracking()
                .FirstOrDefaultAsync(p => p.PoolId == client.PoolId && p.ProviderName == name, ct);
            return provider is null ? (Redirect("invalid_request", UnsupportedProvider), null) : (null, provider);
        }

        if (request.IdpIdentifier is { Length: > 0 } identifier)
        {
            var providers = await db.IdentityProviders.AsNoTracking().Where(p => p.PoolId == client.PoolId).ToListAsync(ct);
            var match = providers.FirstOrDefault(p => supported.Contains(p.ProviderName, StringComparer.Ordinal)
                && Federation.ProviderDetails.ReadIdentifiers(p).Contains(identifier, StringComparer.OrdinalIgnoreCase));
            return match is null ? (Redirect("invalid_request", UnsupportedProvider), null) : (null, match);
        }

        return (null, null);
    }

    /// <summary>RFC 7636 §4.2-4.3, and PKCE required for public clients when configured (RFC 9700 §2.1.1).</summary>
    private AuthorizeOutcome? RequireValidPkce(AuthorizeRequest request, AppClient client)
    {
        if (request.CodeChallenge is { } challenge)
        {
            if (request.CodeChallengeMethod is { } method && method is not ("S256" or "plain"))
            {
                return Redirect("invalid_request", "code_challenge_method must be S256 or plain.");
            }

            return PkceValue().IsMatch(challenge) ? null : Redirect("invalid_request", "code_challenge is malformed.");
        }

        var isPublic = client.SecretProtected is null;
        return isPublic && options.Value.RequirePkceForPublicClients
            && string.Equals(request.ResponseType, "code", StringComparison.Ordinal)
                ? Redirect("invalid_request", "A public client must send a PKCE code_challenge.")
                : null;
    }

    /// <summary>
    /// The requested scopes must all be allowed to the client (and custom ones must still exist); no scope means all
    /// the client's allowed scopes.
    /// </summary>
    private async Task<AuthorizeOutcome> GrantScopesAsync(
        AuthorizeRequest request, AppClient client, AwsProtocol.Shapes.UserPoolClientType settings, IdentityProvider? provider,
        CancellationToken ct)
    {
        var allowed = (settings.AllowedOAuthScopes ?? []).ToHashSet(StringComparer.Ordinal);
        var custom = await ResourceServerScopes.LoadAsync(db, client.PoolId, ct);
        allowed.RemoveWhere(s => !OAuthScopes.Standard.Contains(s) && !custom.Contains(s));
        var requested = request.Scope is { Length: > 0 } ? OAuthScopes.Split(request.Scope) : [.. allowed];
        if (requested.Length == 0 || requested.Any(s => !allowed.Contains(s)))
        {
            return Redirect("invalid_scope", "The client is not allowed one of the requested scopes.");
        }

        return new(Valid: new ValidAuthorize(request, client, settings, string.Join(' ', requested.Distinct(StringComparer.Ordinal)), provider));
    }

    private static AuthorizeOutcome Redirect(string error, string description) =>
        new(RedirectError: error, ErrorDescription: description);

    [GeneratedRegex("^[A-Za-z0-9._~-]{43,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex PkceValue();
}
