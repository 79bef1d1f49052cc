using System.Text.RegularExpressions;
using Gatehouse.Server.HostedUi;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;
using Gatehouse.Server.UserPools;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.OAuth;

/// <summary>
/// The checks of an authorize request, in order; the first failure wins. Until the client and its redirect_uri are
/// known good, errors are shown on the error page (never redirected: no open redirect); after that they go back to
/// the redirect_uri with <c>error</c> and <c>state</c> (RFC 6749 §4.1.2.1, §4.2.2.1).
/// </summary>
internal sealed partial class AuthorizeChecks(AppDb db, IOptions<HostedUiOptions> options)
{
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

        return RequireOAuthClient(settings)
            ?? RequireResponseType(request, settings)
            ?? RequireCognitoProvider(request, settings)
            ?? RequireValidPkce(request, client)
            ?? await GrantScopesAsync(request, client, settings, ct);
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
    /// The identity_provider asked for (COGNITO when none) must be one of the client's SupportedIdentityProviders;
    /// an external one is then started by AuthorizeEndpoint (the SAML part's minimal dispatch; the OIDC part
    /// generalizes it).
    /// </summary>
    private static AuthorizeOutcome? RequireCognitoProvider(AuthorizeRequest request, AwsProtocol.Shapes.UserPoolClientType settings)
    {
        var supported = settings.SupportedIdentityProviders ?? [];
        if (request.IdentityProvider is { Length: > 0 } idp && !string.Equals(idp, "COGNITO", StringComparison.Ordinal))
        {
            return supported.Contains(idp, StringComparer.Ordinal)
                ? null
                : Redirect("invalid_request", "The identity provider is not supported by this client.");
        }

        return supported.Contains("COGNITO", StringComparer.Ordinal)
            ? null
            : Redirect("unauthorized_client", "The client does not support the COGNITO identity provider.");
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
        AuthorizeRequest request, AppClient client, AwsProtocol.Shapes.UserPoolClientType settings, CancellationToken ct)
    {
        var allowed = (settings.AllowedOAuthScopes ?? []).ToHashSet(StringComparer.Ordinal);
        var custom = await ResourceServerScopes.LoadAsync(db, client.PoolId, ct);
        allowed.RemoveWhere(s => !OAuthScopes.Standard.Contains(s) && !custom.Contains(s));
        var requested = request.Scope is { Length: > 0 } ? OAuthScopes.Split(request.Scope) : [.. allowed];
        if (requested.Length == 0 || requested.Any(s => !allowed.Contains(s)))
        {
            return Redirect("invalid_scope", "The client is not allowed one of the requested scopes.");
        }

        return new(Valid: new ValidAuthorize(request, client, settings, string.Join(' ', requested.Distinct(StringComparer.Ordinal))));
    }

    private static AuthorizeOutcome Redirect(string error, string description) =>
        new(RedirectError: error, ErrorDescription: description);

    [GeneratedRegex("^[A-Za-z0-9._~-]{43,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex PkceValue();
}
