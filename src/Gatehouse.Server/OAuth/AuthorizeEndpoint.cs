using Gatehouse.Server.Federation;
using Gatehouse.Server.HostedUi;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.OAuth;

/// <summary>
/// <c>GET /oauth2/authorize</c>: checks the request (<see cref="AuthorizeChecks"/>); a browser with a valid sign-in
/// cookie for this pool is answered at once (unless <c>prompt=login</c>); <c>prompt=none</c> without one answers
/// <c>login_required</c>; everyone else goes to <c>/login</c> with the same parameters, as Cognito does. A request
/// naming an external provider (<c>identity_provider</c>, <c>idp_identifier</c>) goes to that provider
/// (<see cref="UpstreamSignIns"/>).
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> GetAsync(
        HttpContext context, AuthorizeChecks checks, HostedPage page, SignInCookie cookie,
        AuthorizationCompletion completion, AppDb db, UpstreamSignIns upstreams, CancellationToken ct)
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
        if (valid.Provider is { } provider)
        {
            // A named external provider always gets the round trip, prompt included: the session cookie may be
            // another provider's user. prompt=none goes upstream too (OpenID Connect Core §3.1.2.1).
            return await upstreams.StartAsync(context, provider, valid, ct);
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

    /// <summary>The cookie's user, if it still exists, is enabled and confirmed (or federated).</summary>
    private static Task<User?> SignedInUserAsync(AppDb db, string poolId, string sub, CancellationToken ct) =>
        db.Users.AsNoTracking().FirstOrDefaultAsync(
            u => u.PoolId == poolId && u.Sub == sub && u.Enabled
                && (u.Status == UserStatuses.Confirmed || u.Status == UserStatuses.ExternalProvider), ct);
}
