using System.Globalization;
using System.Text;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Mfa;
using Gatehouse.Server.OAuth;

namespace Gatehouse.Server.HostedUi;

/// <summary>
/// The hosted UI's MFA pages, after the password (<see cref="LoginPage"/>, <see cref="NewPasswordPage"/>,
/// <see cref="ConfirmPage"/>); the steps are <see cref="HostedMfa"/>'s. Each is a form with the sealed <c>mfa</c>
/// state and the authorize request as hidden fields:
/// <c>/mfa</c> (a TOTP code in <c>totpCode</c>, an SMS/email code in <c>code</c>, or a <c>recoveryCode</c>),
/// <c>/mfa/select</c> (one button per factor, <c>factor</c>) and <c>/mfa/setup</c> (the QR code and the secret in
/// text, then <c>totpCode</c> and an optional <c>deviceName</c>). A POST without a valid CSRF value answers 403
/// and changes nothing. The sign-in cookie is set only after the last step.
/// </summary>
internal static class MfaPage
{
    public const string StateField = "mfa";
    private static readonly CompositeFormat CodeSentTo = CompositeFormat.Parse(HostedUiStrings.CodeSentTo);

    /// <summary>Signs the user in when <paramref name="step"/> is done; otherwise shows its page or the error page.</summary>
    public static async Task<IResult> ContinueAsync(
        HttpContext context, HostedPage page, CsrfTokens csrf, HostedMfa mfa, SignInCookie cookie,
        AuthorizationCompletion completion, TimeProvider clock, PoolDomainContext domain, ValidAuthorize valid,
        HostedMfaStep step, CancellationToken ct)
    {
        if (step.Fatal is { } fatal)
        {
            return await ErrorPage.RenderAsync(page, domain, valid.Client.ClientId, fatal, ct);
        }

        if (step.Done)
        {
            var now = clock.GetUtcNow();
            cookie.Issue(context, domain.PoolId, step.User!.Sub, now);
            return await completion.CompleteAsync(valid, step.User, now, ct);
        }

        return await RenderAsync(context, page, csrf, mfa, domain, valid.Request, step, ct);
    }

    public static Task<IResult> PostCodeAsync(
        HttpContext context, AuthorizeChecks checks, HostedPage page, CsrfTokens csrf, HostedMfa mfa,
        SignInCookie cookie, AuthorizationCompletion completion, TimeProvider clock, CancellationToken ct) =>
        PostAsync(context, checks, page, csrf, mfa, cookie, completion, clock,
            (valid, form, state) => mfa.AnswerAsync(valid, state,
                (form["totpCode"].ToString() is { Length: > 0 } totp ? totp : form["code"].ToString()).Trim(),
                form["recoveryCode"].ToString().Trim(), ct), ct);

    public static Task<IResult> PostSelectAsync(
        HttpContext context, AuthorizeChecks checks, HostedPage page, CsrfTokens csrf, HostedMfa mfa,
        SignInCookie cookie, AuthorizationCompletion completion, TimeProvider clock, CancellationToken ct) =>
        PostAsync(context, checks, page, csrf, mfa, cookie, completion, clock,
            (valid, form, state) => mfa.SelectAsync(valid, state, form["factor"].ToString(), ct), ct);

    public static Task<IResult> PostSetupAsync(
        HttpContext context, AuthorizeChecks checks, HostedPage page, CsrfTokens csrf, HostedMfa mfa,
        SignInCookie cookie, AuthorizationCompletion completion, TimeProvider clock, CancellationToken ct) =>
        PostAsync(context, checks, page, csrf, mfa, cookie, completion, clock,
            (valid, form, state) => mfa.SetupAsync(valid, state, form["totpCode"].ToString().Trim(),
                form["deviceName"].ToString().Trim(), ct), ct);

    private static async Task<IResult> PostAsync(
        HttpContext context, AuthorizeChecks checks, HostedPage page, CsrfTokens csrf, HostedMfa mfa,
        SignInCookie cookie, AuthorizationCompletion completion, TimeProvider clock,
        Func<ValidAuthorize, IFormCollection, string, Task<HostedMfaStep>> answer, CancellationToken ct)
    {
        var domain = context.PoolDomain();
        var form = await context.Request.ReadFormAsync(ct);
        var request = AuthorizeRequest.FromForm(form);
        var outcome = await checks.RunAsync(domain, request, ct);
        if (LoginPage.Refused(outcome, page, domain, request, ct) is { } refused)
        {
            return await refused;
        }

        if (!csrf.IsValid(context, form))
        {
            return await page.RenderAsync(domain, request.ClientId, HostedUiStrings.ErrorTitle,
                new Html().Heading(HostedUiStrings.ErrorHeading).Alert(HostedUiStrings.FormExpired), ct,
                StatusCodes.Status403Forbidden);
        }

        // RunAsync returned no refusal, so the request is valid.
        var valid = outcome.Valid!;
        var step = await answer(valid, form, form[StateField].ToString());
        return await ContinueAsync(context, page, csrf, mfa, cookie, completion, clock, domain, valid, step, ct);
    }

    private static async Task<IResult> RenderAsync(
        HttpContext context, HostedPage page, CsrfTokens csrf, HostedMfa mfa, PoolDomainContext domain,
        AuthorizeRequest request, HostedMfaStep step, CancellationToken ct)
    {
        var (action, heading, title) = step.Challenge switch
        {
            ChallengeNames.SelectMfaType => ("/mfa/select", HostedUiStrings.SelectHeading, HostedUiStrings.MfaTitle),
            ChallengeNames.MfaSetup => ("/mfa/setup", HostedUiStrings.SetupHeading, HostedUiStrings.SetupTitle),
            MfaFactors.Sms => ("/mfa", HostedUiStrings.SmsHeading, HostedUiStrings.MfaTitle),
            MfaFactors.Email => ("/mfa", HostedUiStrings.EmailHeading, HostedUiStrings.MfaTitle),
            _ => ("/mfa", HostedUiStrings.TotpHeading, HostedUiStrings.MfaTitle),
        };
        var body = new Html().Heading(heading).Alert(step.Error);
        if (step.Challenge == ChallengeNames.MfaSetup && step.SecretCode is { } secret)
        {
            var (issuer, account) = await mfa.LabelAsync(domain.PoolId, step.User!, ct);
            var uri = TotpQrCode.OtpAuthUri(issuer, account, secret);
            body.Paragraph(HostedUiStrings.SetupText)
                .Raw($"<img class=\"qr\" src=\"{Html.Encode(TotpQrCode.PngDataUri(uri))}\" alt=\"{Html.Encode(HostedUiStrings.SetupQrAlt)}\" width=\"240\" height=\"240\">")
                .Raw("<p>").Text(HostedUiStrings.SetupSecretText).Raw(" <code id=\"secret\">").Text(Grouped(secret))
                .Raw("</code></p>");
        }
        else if (step.Destination is { } destination)
        {
            body.Paragraph(string.Format(CultureInfo.InvariantCulture, CodeSentTo, destination), "note");
        }

        body.FormStart(domain.Url(action), csrf.FormValue(context)).Hidden(StateField, step.State);
        foreach (var (name, value) in request.WithoutPrompt().Parameters())
        {
            body.Hidden(name, value);
        }

        switch (step.Challenge)
        {
            case ChallengeNames.SelectMfaType:
                foreach (var factor in step.Factors ?? [])
                {
                    body.Raw($"<button type=\"submit\" name=\"factor\" value=\"{Html.Encode(factor)}\">")
                        .Text(FactorName(factor)).Raw("</button>");
                }

                body.Raw("</form>");
                break;
            case ChallengeNames.MfaSetup:
                body.Field("totpCode", HostedUiStrings.TotpCode, "text", null, "one-time-code", inputMode: "numeric")
                    .Field("deviceName", HostedUiStrings.SetupDeviceName, "text", null, "off", required: false)
                    .FormEnd(HostedUiStrings.SetupButton);
                break;
            default:
                body.Field(step.Challenge == MfaFactors.Totp ? "totpCode" : "code",
                        step.Challenge == MfaFactors.Totp ? HostedUiStrings.TotpCode : HostedUiStrings.MfaCode,
                        "text", null, "one-time-code", required: false, inputMode: "numeric")
                    .Raw("<details><summary>").Text(HostedUiStrings.RecoveryCodeSummary).Raw("</summary>")
                    .Field("recoveryCode", HostedUiStrings.RecoveryCodeLabel, "text", null, "off", required: false,
                        describedBy: "recovery-note")
                    .Raw("<p id=\"recovery-note\" class=\"note\">").Text(HostedUiStrings.RecoveryCodeNote).Raw("</p></details>")
                    .FormEnd(HostedUiStrings.MfaSubmitButton);
                break;
        }

        return await page.RenderAsync(domain, request.ClientId, title, body, ct,
            step.Error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static string FactorName(string factor) => factor switch
    {
        MfaFactors.Sms => HostedUiStrings.SelectFactorSms,
        MfaFactors.Email => HostedUiStrings.SelectFactorEmail,
        _ => HostedUiStrings.SelectFactorTotp,
    };

    /// <summary>The secret in groups of four, easier to type into an app (apps ignore the spaces).</summary>
    private static string Grouped(string secret) =>
        string.Join(' ', Enumerable.Range(0, (secret.Length + 3) / 4).Select(i => secret.Substring(i * 4, Math.Min(4, secret.Length - (i * 4)))));
}
