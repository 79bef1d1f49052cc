using Gatehouse.Server.Auth;
using Gatehouse.Server.OAuth;
using Gatehouse.Server.Passkeys;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.HostedUi;

/// <summary>
/// Signing in with a passkey in the hosted UI, for pools whose sign-in policy allows WEB_AUTHN: <c>GET /passkey</c>
/// asks for the username; <c>POST /passkey</c> issues the WEB_AUTHN challenge of USER_AUTH
/// (<see cref="WebAuthnSignIn.ChallengeAsync"/>, so an unknown user gets the same page with a challenge no passkey
/// answers) and shows the page that runs <see cref="PasskeyScript"/>, the only script of the hosted UI, allowed by
/// that page's CSP alone; <c>POST /passkey/verify</c> checks the assertion with the API's own checks
/// (<see cref="WebAuthnSignIn.VerifyAssertionAsync"/>: Session, credential, lockout, origin, Fido2, counter, once)
/// and ends the authorize request, or goes on to MFA when the pool asks for passkey plus MFA.
/// </summary>
internal static class PasskeyPage
{
    /// <summary>The hosted UI's CSP with this origin's scripts allowed, for the passkey page only.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; " +
        "frame-ancestors 'none'";

    public static async Task<IResult> GetAsync(
        HttpContext context, AuthorizeChecks checks, HostedPage page, CsrfTokens csrf, CancellationToken ct)
    {
        var domain = context.PoolDomain();
        var request = AuthorizeRequest.FromQuery(context.Request.Query);
        var outcome = await checks.RunAsync(domain, request, ct);
        if (LoginPage.Refused(outcome, page, domain, request, ct) is { } refused)
        {
            return await refused;
        }

        return await UsernameFormAsync(context, page, csrf, domain, request, request.LoginHint, null, ct);
    }

    public static async Task<IResult> PostAsync(
        HttpContext context, AuthorizeChecks checks, HostedPage page, CsrfTokens csrf, AppDb db,
        WebAuthnSignIn webAuthn, CancellationToken ct)
    {
        var domain = context.PoolDomain();
        var form = await context.Request.ReadFormAsync(ct);
        var request = AuthorizeRequest.FromForm(form);
        var outcome = await checks.RunAsync(domain, request, ct);
        if (LoginPage.Refused(outcome, page, domain, request, ct) is { } refused)
        {
            return await refused;
        }

        var username = form["username"].ToString().Trim();
        if (!csrf.IsValid(context, form))
        {
            return await UsernameFormAsync(context, page, csrf, domain, request, username, HostedUiStrings.FormExpired, ct);
        }

        if (username.Length == 0)
        {
            return await UsernameFormAsync(context, page, csrf, domain, request, username, HostedUiStrings.UsernameRequired, ct);
        }

        // RunAsync returned no refusal, so the request is valid.
        if (await AttemptAsync(db, outcome.Valid!, username, null, null, ct) is not { } attempt)
        {
            return await UsernameFormAsync(context, page, csrf, domain, request, username, HostedUiStrings.PasskeyUnavailable, ct);
        }

        var user = await UserLookup.FindAsync(db, attempt.Pool, username, ct);
        var challenge = await webAuthn.ChallengeAsync(attempt, user, ct);
        if (challenge.Error is not null || challenge.Session is not { } session
            || challenge.ChallengeParameters?.GetValueOrDefault("CREDENTIAL_REQUEST_OPTIONS") is not { } options)
        {
            return await UsernameFormAsync(context, page, csrf, domain, request, username, HostedUiStrings.PasskeyUnavailable, ct);
        }

        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        var body = new Html().Heading(HostedUiStrings.PasskeyHeading)
            .Paragraph(HostedUiStrings.PasskeyPrompt, "note")
            .Raw("<noscript><p class=\"error\">").Text(HostedUiStrings.PasskeyNeedsScript).Raw("</p></noscript>")
            .Raw($"<div id=\"passkey-options\" hidden data-options=\"{Html.Encode(options)}\"></div>")
            .Raw($"<form method=\"post\" action=\"{Html.Encode(domain.Url("/passkey/verify"))}\" id=\"passkey-form\">")
            .Hidden(CsrfTokens.FieldName, csrf.FormValue(context));
        foreach (var (name, value) in request.WithoutPrompt().Parameters())
        {
            body.Hidden(name, value);
        }

        body.Hidden("username", username).Hidden("session", session).Hidden("credential", string.Empty)
            .FormEnd(HostedUiStrings.PasskeyButton)
            .Raw($"<script src=\"{Html.Encode(domain.Url("/passkey.js"))}\"></script>")
            .Raw("<p>").Link(request.WithQuery(domain.Url("/login")), HostedUiStrings.PasswordInsteadLink).Raw("</p>");
        return await page.RenderAsync(domain, request.ClientId, HostedUiStrings.PasskeyTitle, body, ct);
    }

    public static async Task<IResult> PostVerifyAsync(
        HttpContext context, AuthorizeChecks checks, HostedPage page, CsrfTokens csrf, AppDb db,
        WebAuthnSignIn webAuthn, HostedMfa mfa, SignInCookie cookie, AuthorizationCompletion completion,
        TimeProvider clock, CancellationToken ct)
    {
        var domain = context.PoolDomain();
        var form = await context.Request.ReadFormAsync(ct);
        var request = AuthorizeRequest.FromForm(form);
        var outcome = await checks.RunAsync(domain, request, ct);
        if (LoginPage.Refused(outcome, page, domain, request, ct) is { } refused)
        {
            return await refused;
        }

        var username = form["username"].ToString();
        if (!csrf.IsValid(context, form))
        {
            return await UsernameFormAsync(context, page, csrf, domain, request, username, HostedUiStrings.FormExpired, ct);
        }

        var credential = form["credential"].ToString();
        var session = form["session"].ToString();
        if (credential.Length == 0 || session.Length == 0 || username.Length == 0)
        {
            // The browser had no passkey for the page, or the user cancelled.
            return await UsernameFormAsync(context, page, csrf, domain, request, username, HostedUiStrings.PasskeyFailed, ct);
        }

        // RunAsync returned no refusal, so the request is valid.
        var valid = outcome.Valid!;
        if (await AttemptAsync(db, valid, username, credential, session, ct) is not { } attempt)
        {
            return await UsernameFormAsync(context, page, csrf, domain, request, username, HostedUiStrings.PasskeyUnavailable, ct);
        }

        var (user, error) = await webAuthn.VerifyAssertionAsync(attempt, ct);
        if (error is not null || user is null)
        {
            var text = string.Equals(error?.Message, AuthMessages.PasswordAttemptsExceeded, StringComparison.Ordinal)
                ? HostedUiStrings.TooManyAttempts
                : HostedUiStrings.PasskeyFailed;
            return await UsernameFormAsync(context, page, csrf, domain, request, username, text, ct);
        }

        if (!user.Enabled || !string.Equals(user.Status, UserStatuses.Confirmed, StringComparison.Ordinal))
        {
            return await UsernameFormAsync(context, page, csrf, domain, request, username, HostedUiStrings.UserDisabled, ct);
        }

        if (PoolPasskeys.PasskeyPlusMfa(attempt.Pool))
        {
            // Beyond Cognito: this pool asks for MFA after a passkey, as after a password.
            var step = await mfa.StartAsync(valid, user, ct);
            return await MfaPage.ContinueAsync(context, page, csrf, mfa, cookie, completion, clock, domain, valid, step, ct);
        }

        var now = clock.GetUtcNow();
        cookie.Issue(context, domain.PoolId, user.Sub, now);
        return await completion.CompleteAsync(valid, user, now, ct);
    }

    /// <summary>
    /// The USER_AUTH attempt the page stands for (the client of the authorize request, the pool's settings), or null
    /// when the pool does not allow passkeys as a first factor.
    /// </summary>
    private static async Task<AuthAttempt?> AttemptAsync(
        AppDb db, ValidAuthorize valid, string username, string? credential, string? session, CancellationToken ct)
    {
        if (await PoolSettings.LoadAsync(db, valid.Client.PoolId, ct) is not { } pool || !PoolPasskeys.Enabled(pool))
        {
            return null;
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["USERNAME"] = username };
        if (credential is not null)
        {
            parameters["CREDENTIAL"] = credential;
        }

        var attempt = new AuthAttempt
        {
            Name = "USER_AUTH",
            ClientId = valid.Client.ClientId,
            Parameters = parameters,
            Session = session,
        };
        attempt.Loaded(pool, valid.Client, valid.Settings, null);
        return attempt;
    }

    private static Task<IResult> UsernameFormAsync(
        HttpContext context, HostedPage page, CsrfTokens csrf, PoolDomainContext domain, AuthorizeRequest request,
        string? username, string? error, CancellationToken ct)
    {
        var body = new Html().Heading(HostedUiStrings.PasskeyHeading).Alert(error)
            .FormStart(domain.Url("/passkey"), csrf.FormValue(context));
        foreach (var (name, value) in request.WithoutPrompt().Parameters())
        {
            body.Hidden(name, value);
        }

        body.Field("username", HostedUiStrings.Username, "text", username, "username webauthn")
            .FormEnd(HostedUiStrings.ContinueButton)
            .Raw("<p>").Link(request.WithQuery(domain.Url("/login")), HostedUiStrings.PasswordInsteadLink).Raw("</p>");
        return page.RenderAsync(domain, request.ClientId, HostedUiStrings.PasskeyTitle, body, ct,
            error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
