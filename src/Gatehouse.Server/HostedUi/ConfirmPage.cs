using System.Globalization;
using System.Text;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.OAuth;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.HostedUi;

/// <summary>
/// <c>/confirm</c> (field <c>code</c>) and <c>/resendcode</c>: the confirmation of a sign-up with the code sent by
/// email or SMS, through the ConfirmSignUp and ResendConfirmationCode operations themselves. Right after /signup the
/// form carries a sealed <c>session</c> proving the password was chosen in this flow; a correct code then signs the
/// user in and continues the authorize request. Without it (a user sent here from /login) the page goes back to
/// /login.
/// </summary>
internal sealed class ConfirmPage(HostedPage page, CsrfTokens csrf)
{
    private static readonly CompositeFormat CodeSentTo = CompositeFormat.Parse(HostedUiStrings.CodeSentTo);

    public async Task<IResult> RenderAsync(
        HttpContext context, PoolDomainContext domain, AuthorizeRequest request, string username, string? session,
        string? destination, string? message, string? error, CancellationToken ct)
    {
        var body = new Html().Heading(HostedUiStrings.ConfirmHeading).Alert(error);
        body.Paragraph(destination is null
            ? HostedUiStrings.ConfirmText
            : string.Format(CultureInfo.InvariantCulture, CodeSentTo, destination));
        if (message is not null)
        {
            body.Raw("<p role=\"status\">").Text(message).Raw("</p>");
        }

        body.FormStart(domain.Url("/confirm"), csrf.FormValue(context)).HiddenRequest(request)
            .Hidden("username", username).Hidden("session", session)
            .Field("code", HostedUiStrings.VerificationCode, "text", null, "one-time-code")
            .FormEnd(HostedUiStrings.ConfirmButton)
            .FormStart(domain.Url("/resendcode"), csrf.FormValue(context)).HiddenRequest(request)
            .Hidden("username", username).Hidden("session", session)
            .FormEnd(HostedUiStrings.ResendCodeButton);
        return await page.RenderAsync(domain, request.ClientId, HostedUiStrings.ConfirmTitle, body, ct,
            error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    public static async Task<IResult> GetAsync(
        HttpContext context, AuthorizeChecks checks, HostedPage page, ConfirmPage self, CancellationToken ct)
    {
        var domain = context.PoolDomain();
        var request = AuthorizeRequest.FromQuery(context.Request.Query);
        var outcome = await checks.RunAsync(domain, request, ct);
        if (LoginPage.Refused(outcome, page, domain, request, ct) is { } refused)
        {
            return await refused;
        }

        return await self.RenderAsync(context, domain, request, context.Request.Query["username"].ToString(), null, null,
            null, null, ct);
    }

    public static async Task<IResult> PostAsync(
        HttpContext context, AuthorizeChecks checks, HostedPage page, ConfirmPage self, ConfirmSignUp confirm,
        AuthorizationCompletion completion, CsrfTokens csrf, SecretProtector protector, SignInCookie cookie, AppDb db,
        HostedMfa mfa, TimeProvider clock, CancellationToken ct)
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
        var session = form["session"].ToString();
        if (!csrf.IsValid(context, form))
        {
            return await self.RenderAsync(context, domain, request, username, session, null, null, HostedUiStrings.FormExpired, ct);
        }

        // RunAsync returned no refusal, so the request is valid and its client known.
        var valid = outcome.Valid!;
        var result = await confirm.HandleAsync(new ConfirmSignUpRequest
        {
            ClientId = valid.Client.ClientId,
            SecretHash = SelfServiceForms.SecretHash(protector, valid.Client, username),
            Username = username,
            ConfirmationCode = form["code"].ToString(),
        }, ct);
        if (result.Error is { } error)
        {
            return await self.RenderAsync(context, domain, request, username, session, null, null, error.Message, ct);
        }

        if (cookie.OpenSignedUp(session, domain.PoolId) is { } signedUp
            && string.Equals(signedUp.Username, username, StringComparison.Ordinal)
            && await PoolSettings.LoadAsync(db, domain.PoolId, ct) is { } pool
            && await UserLookup.FindAsync(db, pool, username, ct) is { Enabled: true } user)
        {
            // A pool that requires MFA asks for it (or for its setup) right after the sign-up, as at /login.
            var step = await mfa.StartAsync(valid, user, ct);
            return await MfaPage.ContinueAsync(context, page, csrf, mfa, cookie, completion, clock, domain, valid, step, ct);
        }

        return Results.Redirect(request.WithoutPrompt().WithQuery(domain.Url("/login")));
    }

    public static async Task<IResult> ResendAsync(
        HttpContext context, AuthorizeChecks checks, HostedPage page, ConfirmPage self, ResendConfirmationCode resend,
        CsrfTokens csrf, SecretProtector protector, CancellationToken ct)
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
        var session = form["session"].ToString();
        if (!csrf.IsValid(context, form))
        {
            return await self.RenderAsync(context, domain, request, username, session, null, null, HostedUiStrings.FormExpired, ct);
        }

        var client = outcome.Valid!.Client;
        var result = await resend.HandleAsync(new ResendConfirmationCodeRequest
        {
            ClientId = client.ClientId,
            SecretHash = SelfServiceForms.SecretHash(protector, client, username),
            Username = username,
        }, ct);
        return result.Error is { } error
            ? await self.RenderAsync(context, domain, request, username, session, null, null, error.Message, ct)
            : await self.RenderAsync(context, domain, request, username, session,
                (result.Body as ResendConfirmationCodeResponse)?.CodeDeliveryDetails?.Destination,
                HostedUiStrings.CodeResent, null, ct);
    }
}
