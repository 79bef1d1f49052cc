using Gatehouse.Server.Federation;
using Gatehouse.Server.OAuth;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.HostedUi;

/// <summary>
/// <c>/login</c>: the sign-in form (fields <c>username</c>, <c>password</c>, as Cognito's hosted UI names them),
/// carrying the authorize request's parameters as hidden fields. A correct sign-in sets the sign-in cookie and
/// completes the authorize request, after the MFA pages when MFA applies (<see cref="MfaPage"/>); an unconfirmed user goes to <c>/confirm</c>, a temporary password to the
/// new-password form.
/// </summary>
internal static class LoginPage
{
    public static async Task<IResult> GetAsync(
        HttpContext context, AuthorizeChecks checks, HostedPage page, CsrfTokens csrf, AppDb db, UpstreamSignIns upstreams,
        CancellationToken ct)
    {
        var domain = context.PoolDomain();
        var request = AuthorizeRequest.FromQuery(context.Request.Query);
        var outcome = await checks.RunAsync(domain, request, ct);
        if (Refused(outcome, page, domain, request, ct) is { } refused)
        {
            return await refused;
        }

        // Checked by RunAsync above.
        var valid = outcome.Valid!;
        if (valid.Provider is { } provider)
        {
            return await upstreams.StartAsync(context, provider, valid, ct);
        }

        var providers = await ClientProviders.LoadAsync(db, valid, ct);
        return await RenderAsync(context, page, csrf, domain, valid, providers, request.LoginHint, null, ct);
    }

    public static async Task<IResult> PostAsync(
        HttpContext context, AuthorizeChecks checks, HostedPage page, CsrfTokens csrf, HostedSignIn signIn,
        SignInCookie cookie, AuthorizationCompletion completion, NewPasswordPage newPassword, HostedMfa mfa,
        AppDb db, UpstreamSignIns upstreams, TimeProvider clock, CancellationToken ct)
    {
        var domain = context.PoolDomain();
        var form = await context.Request.ReadFormAsync(ct);
        var request = AuthorizeRequest.FromForm(form);
        var outcome = await checks.RunAsync(domain, request, ct);
        if (Refused(outcome, page, domain, request, ct) is { } refused)
        {
            return await refused;
        }

        // Checked by RunAsync above.
        var valid = outcome.Valid!;
        var providers = await ClientProviders.LoadAsync(db, valid, ct);
        var username = form["username"].ToString();
        if (!csrf.IsValid(context, form))
        {
            return await RenderAsync(context, page, csrf, domain, valid, providers, username, HostedUiStrings.FormExpired, ct);
        }

        // E-mail-domain routing (Cognito's IdpIdentifiers): an address whose domain a supported provider claims
        // signs in there, whatever its type, before any password is looked at.
        if (ClientProviders.ForEmail(providers, username) is { } routed)
        {
            return await upstreams.StartAsync(context, routed, valid, ct);
        }

        if (!valid.SupportsCognito)
        {
            return await RenderAsync(context, page, csrf, domain, valid, providers, username,
                providers.Any(HasIdentifiers) ? HostedUiStrings.CorporateEmailUnknown : HostedUiStrings.PasswordSignInNotAllowed, ct);
        }

        var result = await signIn.SignInAsync(domain.PoolId, valid.Client.ClientId, username, form["password"].ToString(), ct);
        switch (result.State)
        {
            case HostedSignInState.SignedIn:
                // Checked by HostedSignIn above. MFA, when the pool and user need it, comes next.
                var step = await mfa.StartAsync(valid, result.User!, ct);
                return await MfaPage.ContinueAsync(context, page, csrf, mfa, cookie, completion, clock, domain, valid, step, ct);
            case HostedSignInState.NotConfirmed:
                return Results.Redirect(request.WithoutPrompt().WithQuery(domain.Url("/confirm"))
                    + "&username=" + Uri.EscapeDataString(result.User!.Username));
            case HostedSignInState.NewPasswordRequired:
                return await newPassword.RenderAsync(context, domain, request, result.User!.Username, null, ct);
            default:
                return await RenderAsync(context, page, csrf, domain, valid, providers, username, result.Error, ct);
        }
    }

    /// <summary>The error page or error redirect of a refused authorize request; null when it is valid.</summary>
    public static Task<IResult>? Refused(
        AuthorizeOutcome outcome, HostedPage page, PoolDomainContext domain, AuthorizeRequest request, CancellationToken ct)
    {
        if (outcome.PageError is { } pageError)
        {
            return ErrorPage.RenderAsync(page, domain, request.ClientId, pageError, ct);
        }

        return outcome.RedirectError is { } error
            ? Task.FromResult(OAuthRedirects.Error(request.RedirectUri!, string.Equals(request.ResponseType, "token",
                StringComparison.Ordinal), error, outcome.ErrorDescription, request.State))
            : null;
    }

    private static async Task<IResult> RenderAsync(
        HttpContext context, HostedPage page, CsrfTokens csrf, PoolDomainContext domain, ValidAuthorize valid,
        IReadOnlyList<IdentityProvider> providers, string? username, string? error, CancellationToken ct)
    {
        var request = valid.Request;
        var body = new Html().Heading(valid.SupportsCognito ? HostedUiStrings.SignInHeading : HostedUiStrings.ProvidersHeading)
            .Alert(error);
        ProviderButtons(body, domain, request, providers);
        if (valid.SupportsCognito)
        {
            PasswordForm(body, context, csrf, domain, request, username);
            if (await page.PasskeysAllowedAsync(domain.PoolId, ct))
            {
                body.Raw("<p>").Link(request.WithoutPrompt().WithQuery(domain.Url("/passkey")), HostedUiStrings.PasskeyLink).Raw("</p>");
            }

            body
                .Raw("<p class=\"note\">").Text(HostedUiStrings.NeedAccount).Raw(" ")
                .Link(request.WithQuery(domain.Url("/signup")), HostedUiStrings.SignUpLink).Raw("</p>");
        }
        else if (providers.Any(HasIdentifiers))
        {
            // No password here: the e-mail only picks the provider (routing on POST).
            body.Paragraph(HostedUiStrings.CorporateEmailHeading).FormStart(domain.Url("/login"), csrf.FormValue(context));
            Carry(body, request);
            body.Field("username", HostedUiStrings.CorporateEmail, "email", username, "email")
                .FormEnd(HostedUiStrings.ContinueButton);
        }

        return await page.RenderAsync(domain, request.ClientId, HostedUiStrings.SignInTitle, body, ct,
            error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    /// <summary>A link styled as a button per provider: the same authorize request, naming that provider.</summary>
    private static void ProviderButtons(Html body, PoolDomainContext domain, AuthorizeRequest request, IReadOnlyList<IdentityProvider> providers)
    {
        foreach (var provider in providers)
        {
            var href = (request.WithoutPrompt() with { IdentityProvider = provider.ProviderName, IdpIdentifier = null })
                .WithQuery(domain.Url("/oauth2/authorize"));
            body.Raw("<p><a class=\"button\" href=\"").Text(href).Raw("\">")
                .Text(HostedUiStrings.ProviderButtonPrefix + provider.ProviderName).Raw("</a></p>");
        }
    }

    private static void PasswordForm(
        Html body, HttpContext context, CsrfTokens csrf, PoolDomainContext domain, AuthorizeRequest request, string? username)
    {
        body.FormStart(domain.Url("/login"), csrf.FormValue(context));
        Carry(body, request);
        body.Field("username", HostedUiStrings.Username, "text", username, "username")
            .Field("password", HostedUiStrings.Password, "password", null, "current-password")
            .FormEnd(HostedUiStrings.SignInButton)
            .Raw("<p>").Link(request.WithQuery(domain.Url("/forgotPassword")), HostedUiStrings.ForgotPasswordLink).Raw("</p>");
    }

    private static void Carry(Html body, AuthorizeRequest request)
    {
        foreach (var (name, value) in request.WithoutPrompt().Parameters())
        {
            body.Hidden(name, value);
        }
    }

    private static bool HasIdentifiers(IdentityProvider provider) => ProviderDetails.ReadIdentifiers(provider).Count > 0;
}
