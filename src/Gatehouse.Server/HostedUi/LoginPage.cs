using Gatehouse.Server.OAuth;

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
        HttpContext context, AuthorizeChecks checks, HostedPage page, CsrfTokens csrf, CancellationToken ct)
    {
        var domain = context.PoolDomain();
        var request = AuthorizeRequest.FromQuery(context.Request.Query);
        var outcome = await checks.RunAsync(domain, request, ct);
        if (Refused(outcome, page, domain, request, ct) is { } refused)
        {
            return await refused;
        }

        return await RenderAsync(context, page, csrf, domain, request, request.LoginHint, null, ct);
    }

    public static async Task<IResult> PostAsync(
        HttpContext context, AuthorizeChecks checks, HostedPage page, CsrfTokens csrf, HostedSignIn signIn,
        SignInCookie cookie, AuthorizationCompletion completion, NewPasswordPage newPassword, HostedMfa mfa,
        TimeProvider clock, CancellationToken ct)
    {
        var domain = context.PoolDomain();
        var form = await context.Request.ReadFormAsync(ct);
        var request = AuthorizeRequest.FromForm(form);
        var outcome = await checks.RunAsync(domain, request, ct);
        if (Refused(outcome, page, domain, request, ct) is { } refused)
        {
            return await refused;
        }

        var username = form["username"].ToString();
        if (!csrf.IsValid(context, form))
        {
            return await RenderAsync(context, page, csrf, domain, request, username, HostedUiStrings.FormExpired, ct);
        }

        var result = await signIn.SignInAsync(domain.PoolId, username, form["password"].ToString(), ct);
        switch (result.State)
        {
            case HostedSignInState.SignedIn:
                // Checked by RunAsync and HostedSignIn above. MFA, when the pool and user need it, comes next.
                var valid = outcome.Valid!;
                var step = await mfa.StartAsync(valid, result.User!, ct);
                return await MfaPage.ContinueAsync(context, page, csrf, mfa, cookie, completion, clock, domain, valid, step, ct);
            case HostedSignInState.NotConfirmed:
                return Results.Redirect(request.WithoutPrompt().WithQuery(domain.Url("/confirm"))
                    + "&username=" + Uri.EscapeDataString(result.User!.Username));
            case HostedSignInState.NewPasswordRequired:
                return await newPassword.RenderAsync(context, domain, request, result.User!.Username, null, ct);
            default:
                return await RenderAsync(context, page, csrf, domain, request, username, result.Error, ct);
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
        HttpContext context, HostedPage page, CsrfTokens csrf, PoolDomainContext domain, AuthorizeRequest request,
        string? username, string? error, CancellationToken ct)
    {
        var body = new Html().Heading(HostedUiStrings.SignInHeading).Alert(error)
            .FormStart(domain.Url("/login"), csrf.FormValue(context));
        foreach (var (name, value) in request.WithoutPrompt().Parameters())
        {
            body.Hidden(name, value);
        }

        body.Field("username", HostedUiStrings.Username, "text", username, "username")
            .Field("password", HostedUiStrings.Password, "password", null, "current-password")
            .FormEnd(HostedUiStrings.SignInButton)
            .Raw("<p>").Link(request.WithQuery(domain.Url("/forgotPassword")), HostedUiStrings.ForgotPasswordLink).Raw("</p>");
        if (await page.PasskeysAllowedAsync(domain.PoolId, ct))
        {
            body.Raw("<p>").Link(request.WithoutPrompt().WithQuery(domain.Url("/passkey")), HostedUiStrings.PasskeyLink).Raw("</p>");
        }

        body
            .Raw("<p class=\"note\">").Text(HostedUiStrings.NeedAccount).Raw(" ")
            .Link(request.WithQuery(domain.Url("/signup")), HostedUiStrings.SignUpLink).Raw("</p>");
        return await page.RenderAsync(domain, request.ClientId, HostedUiStrings.SignInTitle, body, ct,
            error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
