using Gatehouse.Server.HostedUi;
using Gatehouse.Server.UserPools;

namespace Gatehouse.Server.OAuth;

/// <summary>
/// <c>GET /logout</c> (Cognito's logout endpoint): ends the hosted UI session (clears the sign-in cookie), then
/// redirects to <c>logout_uri</c> when it is one of the client's LogoutURLs exactly, or, given
/// <c>redirect_uri</c> and <c>response_type</c> instead, back to sign-in with that authorize request. Anything else
/// is shown on the error page: never a redirect to an unregistered address.
/// </summary>
internal static class LogoutEndpoint
{
    public static async Task<IResult> GetAsync(
        HttpContext context, AuthorizeChecks checks, HostedPage page, Storage.AppDb db, SignInCookie cookie,
        Federation.Saml.SamlLogout samlLogout, CancellationToken ct)
    {
        var domain = context.PoolDomain();
        var query = context.Request.Query;
        var clientId = query["client_id"].ToString();
        if (clientId.Length == 0 || await db.FindClientAsync(domain.PoolId, clientId, ct) is not { } client)
        {
            return await ErrorPage.RenderAsync(page, domain, null,
                clientId.Length == 0 ? HostedUiStrings.MissingClientId : HostedUiStrings.UnknownClient, ct);
        }

        if (query["logout_uri"].ToString() is { Length: > 0 } logoutUri)
        {
            if (!(UserPoolSettings.ReadClient(client).LogoutURLs ?? []).Contains(logoutUri, StringComparer.Ordinal))
            {
                return await ErrorPage.RenderAsync(page, domain, clientId, HostedUiStrings.LogoutMismatch, ct);
            }

            // A user who signed in through a SAML IdP with IDPSignout is logged out there too (SamlLogout).
            var session = cookie.Read(context, domain.PoolId);
            SignInCookie.Clear(context);
            return (session is null ? null : await samlLogout.StartAsync(domain, session.Sub, clientId, logoutUri, ct))
                ?? Results.Redirect(logoutUri);
        }

        var request = AuthorizeRequest.FromQuery(query);
        var outcome = await checks.RunAsync(domain, request, ct);
        if (LoginPage.Refused(outcome, page, domain, request, ct) is { } refused)
        {
            return await refused;
        }

        SignInCookie.Clear(context);
        return Results.Redirect(request.WithQuery(domain.Url("/login")));
    }
}
