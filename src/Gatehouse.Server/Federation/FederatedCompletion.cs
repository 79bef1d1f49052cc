using Gatehouse.Server.HostedUi;
using Gatehouse.Server.OAuth;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Federation;

/// <summary>
/// Ends a federated sign-in in the browser: the original authorize request (from the <see cref="FederationState"/>)
/// is checked again (its client may have changed meanwhile), the pool's sign-in cookie is issued, and the request is
/// answered with a code or tokens as after a password sign-in. MFA is not asked: the upstream authenticated the user,
/// as with Cognito.
/// </summary>
internal sealed class FederatedCompletion(
    AuthorizeChecks checks, HostedPage page, SignInCookie cookie, AuthorizationCompletion completion, TimeProvider clock)
{
    public async Task<IResult> CompleteAsync(HttpContext context, FederationState state, User user, CancellationToken ct)
    {
        var domain = context.PoolDomain();
        var request = FederationStates.AuthorizeOf(state);
        var outcome = await checks.RunAsync(domain, request, ct);
        if (LoginPage.Refused(outcome, page, domain, request, ct) is { } refused)
        {
            return await refused;
        }

        var now = clock.GetUtcNow();
        cookie.Issue(context, domain.PoolId, user.Sub, now);

        // RunAsync returned no refusal, so the request is valid.
        return await completion.CompleteAsync(outcome.Valid!, user, now, ct);
    }

    /// <summary>
    /// A federated sign-in that failed after the request was known good: back to the client's redirect_uri with
    /// <paramref name="error"/> (RFC 6749 §4.1.2.1), or the error page when the request itself no longer passes.
    /// </summary>
    public async Task<IResult> FailAsync(HttpContext context, FederationState state, string error, string description, CancellationToken ct)
    {
        var domain = context.PoolDomain();
        var request = FederationStates.AuthorizeOf(state);
        var outcome = await checks.RunAsync(domain, request, ct);
        if (LoginPage.Refused(outcome, page, domain, request, ct) is { } refused)
        {
            return await refused;
        }

        return OAuthRedirects.Error(outcome.Valid!.RedirectUri, outcome.Valid.Implicit, error, description, request.State);
    }
}
