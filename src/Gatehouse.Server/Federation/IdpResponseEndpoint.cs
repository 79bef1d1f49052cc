using System.Text.RegularExpressions;
using Gatehouse.Server.HostedUi;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Federation;

/// <summary>
/// <c>/oauth2/idpresponse</c>: where OIDC and social providers send the browser back (GET; POST for Sign in with
/// Apple's <c>form_post</c>). In order: the <c>state</c> must be one we sealed for this pool, unexpired and unused
/// (else the error page: there is no trustworthy client to send the browser to); the provider must still exist; an
/// upstream <c>error</c> goes back to the client's redirect_uri; the code is redeemed and the user verified
/// (<see cref="OidcCodeRedemption"/>); only then is the pool user found or made (<see cref="FederatedSignIn"/>), so a
/// failed check creates and updates nothing. The state is used before the code is redeemed: a replayed callback fails
/// even when the first one is still in flight.
/// </summary>
internal static partial class IdpResponseEndpoint
{
    public static Task<IResult> GetAsync(
        HttpContext context, FederationStates states, AppDb db, OidcCodeRedemption redemption, FederatedSignIn signIn,
        FederatedCompletion completion, HostedPage page, ILogger<OidcCodeRedemption> logger, CancellationToken ct) =>
        HandleAsync(context, name => context.Request.Query[name].ToString(), states, db, redemption, signIn, completion,
            page, logger, ct);

    public static async Task<IResult> PostAsync(
        HttpContext context, FederationStates states, AppDb db, OidcCodeRedemption redemption, FederatedSignIn signIn,
        FederatedCompletion completion, HostedPage page, ILogger<OidcCodeRedemption> logger, CancellationToken ct)
    {
        if (!context.Request.HasFormContentType)
        {
            return await ErrorPage.RenderAsync(page, context.PoolDomain(), null, HostedUiStrings.FederationStateInvalid, ct);
        }

        var form = await context.Request.ReadFormAsync(ct);
        return await HandleAsync(context, name => form[name].ToString(), states, db, redemption, signIn, completion,
            page, logger, ct);
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context, Func<string, string> parameter, FederationStates states, AppDb db,
        OidcCodeRedemption redemption, FederatedSignIn signIn, FederatedCompletion completion, HostedPage page,
        ILogger logger, CancellationToken ct)
    {
        var domain = context.PoolDomain();
        if (states.Open(parameter("state"), domain.PoolId) is not { } state
            || !await states.UseAsync(state, ct))
        {
            Log.UpstreamStateRefused(logger, domain.PoolId);
            return await ErrorPage.RenderAsync(page, domain, null, HostedUiStrings.FederationStateInvalid, ct);
        }

        var provider = await db.IdentityProviders.AsNoTracking()
            .FirstOrDefaultAsync(p => p.PoolId == domain.PoolId && p.ProviderName == state.ProviderName, ct);
        if (provider is null || !OidcFamily.Handles(provider.ProviderType))
        {
            return await completion.FailAsync(context, state, "invalid_request", HostedUiStrings.FederationUnavailable, ct);
        }

        if (parameter("error") is { Length: > 0 } upstreamError)
        {
            // The provider's own refusal (access_denied, login_required after prompt=none...) goes to the client as
            // it came, when it is a plain OAuth error code.
            Log.UpstreamRefused(logger, provider.ProviderName, domain.PoolId);
            return await completion.FailAsync(context, state,
                ErrorCode().IsMatch(upstreamError) ? upstreamError : "access_denied", HostedUiStrings.FederationFailed, ct);
        }

        if (parameter("code") is not { Length: > 0 and < 4096 } code)
        {
            return await completion.FailAsync(context, state, "invalid_request", HostedUiStrings.FederationFailed, ct);
        }

        var identity = await redemption.RedeemAsync(provider, state, code, domain.Url(OidcUpstreamSignIn.CallbackPath), ct);
        if (identity.Subject is not { } subject)
        {
            Log.UpstreamFailed(logger, provider.ProviderName, domain.PoolId, identity.Failure ?? "unknown");
            return await completion.FailAsync(context, state, "invalid_request", HostedUiStrings.FederationFailed, ct);
        }

        // Not null with a subject (UpstreamIdentity's contract).
        var result = await signIn.SignInAsync(provider, subject, identity.Claims!, null, ct);
        return result.User is { } user
            ? await completion.CompleteAsync(context, state, user, ct)
            : await completion.FailAsync(context, state, "invalid_request", result.Error ?? HostedUiStrings.FederationFailed, ct);
    }

    [GeneratedRegex("^[a-z_]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorCode();
}
