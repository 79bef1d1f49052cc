using Gatehouse.Server.Federation;
using Gatehouse.Server.HostedUi;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.OAuth;

/// <summary>
/// <c>GET /oauth2/authorize</c>: checks the request (<see cref="AuthorizeChecks"/>); a browser with a valid sign-in
/// cookie for this pool is answered at once (unless <c>prompt=login</c>); <c>prompt=none</c> without one answers
/// <c>login_required</c>; everyone else goes to <c>/login</c> with the same parameters, as Cognito does.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> GetAsync(
        HttpContext context, AuthorizeChecks checks, HostedPage page, SignInCookie cookie,
        AuthorizationCompletion completion, AppDb db, [FromServices] IEnumerable<IUpstreamSignIn> upstreams,
        CancellationToken ct)
    {
        var domain = context.PoolDomain();
        var request = AuthorizeRequest.FromQuery(context.Request.Query);
        var outcome = await checks.RunAsync(domain, request, ct);
        if (LoginPage.Refused(outcome, page, domain, request, ct) is { } refused)
        {
            return await refused;
        }

        // RunAsync returned no refusal, so the request is valid.
        var valid = outcome.Valid!;
        if (request.IdentityProvider is { Length: > 0 } idp && !string.Equals(idp, "COGNITO", StringComparison.Ordinal))
        {
            return await StartUpstreamAsync(context, db, upstreams, valid, idp, ct);
        }

        var prompts = (request.Prompt ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!prompts.Contains("login", StringComparer.Ordinal) && cookie.Read(context, domain.PoolId) is { } session
            && await SignedInUserAsync(db, domain.PoolId, session.Sub, ct) is { } user)
        {
            return await completion.CompleteAsync(valid, user, DateTimeOffset.FromUnixTimeMilliseconds(session.AuthTime), ct);
        }

        if (prompts.Contains("none", StringComparer.Ordinal))
        {
            return OAuthRedirects.Error(valid.RedirectUri, valid.Implicit, "login_required",
                "The user is not signed in.", request.State);
        }

        return Results.Redirect(request.WithQuery(domain.Url("/login")));
    }

    /// <summary>An external provider of the pool that the client supports: its type's round trip starts.</summary>
    private static async Task<IResult> StartUpstreamAsync(
        HttpContext context, AppDb db, IEnumerable<IUpstreamSignIn> upstreams, ValidAuthorize valid, string name,
        CancellationToken ct)
    {
        var poolId = context.PoolDomain().PoolId;
        var provider = await db.IdentityProviders.AsNoTracking()
            .FirstOrDefaultAsync(p => p.PoolId == poolId && p.ProviderName == name, ct);
        if (provider is null || upstreams.FirstOrDefault(u => u.Handles(provider.ProviderType)) is not { } upstream)
        {
            return OAuthRedirects.Error(valid.RedirectUri, valid.Implicit, "invalid_request",
                "The identity provider does not exist in this user pool.", valid.Request.State);
        }

        return await upstream.StartAsync(context, provider, valid, ct);
    }

    /// <summary>The cookie's user, if it still exists, is enabled and confirmed (or federated).</summary>
    private static Task<User?> SignedInUserAsync(AppDb db, string poolId, string sub, CancellationToken ct) =>
        db.Users.AsNoTracking().FirstOrDefaultAsync(
            u => u.PoolId == poolId && u.Sub == sub && u.Enabled
                && (u.Status == UserStatuses.Confirmed || u.Status == UserStatuses.ExternalProvider), ct);
}
