using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.OAuth;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.HostedUi;

/// <summary>
/// <c>/forgotPassword</c> (field <c>username</c>) and <c>/confirmforgotPassword</c> (fields <c>code</c>,
/// <c>password</c>, <c>confirmPassword</c>), through the ForgotPassword and ConfirmForgotPassword operations
/// themselves, so the client's PreventUserExistenceErrors decides what an unknown user sees. A changed password
/// goes back to /login with the authorize request.
/// </summary>
internal sealed class ForgotPasswordPage(AppDb db, HostedPage page, CsrfTokens csrf)
{
    public static async Task<IResult> GetAsync(
        HttpContext context, AuthorizeChecks checks, HostedPage page, ForgotPasswordPage self, CancellationToken ct)
    {
        var domain = context.PoolDomain();
        var request = AuthorizeRequest.FromQuery(context.Request.Query);
        var outcome = await checks.RunAsync(domain, request, ct);
        return LoginPage.Refused(outcome, page, domain, request, ct) is { } refused
            ? await refused
            : await self.RenderForgotAsync(context, domain, request, null, null, ct);
    }

    public static async Task<IResult> PostAsync(
        HttpContext context, AuthorizeChecks checks, HostedPage page, ForgotPasswordPage self, ForgotPassword forgot,
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
        if (!csrf.IsValid(context, form))
        {
            return await self.RenderForgotAsync(context, domain, request, username, HostedUiStrings.FormExpired, ct);
        }

        var client = outcome.Valid!.Client;
        var result = await forgot.HandleAsync(new ForgotPasswordRequest
        {
            ClientId = client.ClientId,
            SecretHash = SelfServiceForms.SecretHash(protector, client, username),
            Username = username,
        }, ct);
        return result.Error is { } error
            ? await self.RenderForgotAsync(context, domain, request, username, error.Message, ct)
            : await self.RenderConfirmAsync(context, domain, request, username, null, ct);
    }

    public static async Task<IResult> GetConfirmAsync(
        HttpContext context, AuthorizeChecks checks, HostedPage page, ForgotPasswordPage self, CancellationToken ct)
    {
        var domain = context.PoolDomain();
        var request = AuthorizeRequest.FromQuery(context.Request.Query);
        var outcome = await checks.RunAsync(domain, request, ct);
        return LoginPage.Refused(outcome, page, domain, request, ct) is { } refused
            ? await refused
            : await self.RenderConfirmAsync(context, domain, request, context.Request.Query["username"].ToString(), null, ct);
    }

    public static async Task<IResult> PostConfirmAsync(
        HttpContext context, AuthorizeChecks checks, HostedPage page, ForgotPasswordPage self,
        ConfirmForgotPassword confirm, CsrfTokens csrf, SecretProtector protector, CancellationToken ct)
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
        var password = form["password"].ToString();
        string? error = null;
        if (!csrf.IsValid(context, form))
        {
            error = HostedUiStrings.FormExpired;
        }
        else if (!string.Equals(password, form["confirmPassword"].ToString(), StringComparison.Ordinal))
        {
            error = HostedUiStrings.PasswordsDiffer;
        }
        else
        {
            var client = outcome.Valid!.Client;
            var result = await confirm.HandleAsync(new ConfirmForgotPasswordRequest
            {
                ClientId = client.ClientId,
                SecretHash = SelfServiceForms.SecretHash(protector, client, username),
                Username = username,
                ConfirmationCode = form["code"].ToString(),
                Password = password,
            }, ct);
            error = result.Error?.Message;
        }

        return error is null
            ? Results.Redirect(request.WithoutPrompt().WithQuery(domain.Url("/login")))
            : await self.RenderConfirmAsync(context, domain, request, username, error, ct);
    }

    private Task<IResult> RenderForgotAsync(
        HttpContext context, PoolDomainContext domain, AuthorizeRequest request, string? username, string? error,
        CancellationToken ct)
    {
        var body = new Html().Heading(HostedUiStrings.ForgotHeading).Alert(error).Paragraph(HostedUiStrings.ForgotText)
            .FormStart(domain.Url("/forgotPassword"), csrf.FormValue(context)).HiddenRequest(request)
            .Field("username", HostedUiStrings.Username, "text", username, "username")
            .FormEnd(HostedUiStrings.ResetButton);
        return page.RenderAsync(domain, request.ClientId, HostedUiStrings.ForgotTitle, body, ct,
            error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private async Task<IResult> RenderConfirmAsync(
        HttpContext context, PoolDomainContext domain, AuthorizeRequest request, string username, string? error,
        CancellationToken ct)
    {
        // PoolDomainRouting resolved the domain, so its pool exists.
        var pool = (await PoolSettings.LoadAsync(db, domain.PoolId, ct))!;
        var body = new Html().Heading(HostedUiStrings.ConfirmForgotHeading).Alert(error)
            .Paragraph(HostedUiStrings.ConfirmForgotText)
            .FormStart(domain.Url("/confirmforgotPassword"), csrf.FormValue(context)).HiddenRequest(request)
            .Hidden("username", username)
            .Field("code", HostedUiStrings.VerificationCode, "text", null, "one-time-code")
            .PasswordPolicy(pool.PasswordPolicy)
            .Field("password", HostedUiStrings.NewPassword, "password", null, "new-password", describedBy: "password-policy")
            .Field("confirmPassword", HostedUiStrings.ConfirmNewPassword, "password", null, "new-password")
            .FormEnd(HostedUiStrings.ResetPasswordButton);
        return await page.RenderAsync(domain, request.ClientId, HostedUiStrings.ConfirmForgotTitle, body, ct,
            error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
