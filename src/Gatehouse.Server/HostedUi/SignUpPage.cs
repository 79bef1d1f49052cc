using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.OAuth;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.HostedUi;

/// <summary>
/// <c>/signup</c>: fields <c>username</c> (unless the pool signs in with email or phone), <c>password</c> and one per
/// attribute the pool needs (<see cref="SelfServiceForms.SignUpAttributes"/>), with the password policy shown. The
/// POST runs the SignUp operation itself (<see cref="SignUp"/>), so the rules and messages are the API's; then the
/// confirmation form follows, carrying a sealed proof of this sign-up so a correct code completes the sign-in.
/// </summary>
internal static class SignUpPage
{
    public static async Task<IResult> GetAsync(
        HttpContext context, AuthorizeChecks checks, HostedPage page, CsrfTokens csrf, AppDb db, CancellationToken ct)
    {
        var domain = context.PoolDomain();
        var request = AuthorizeRequest.FromQuery(context.Request.Query);
        var outcome = await checks.RunAsync(domain, request, ct);
        if (LoginPage.Refused(outcome, page, domain, request, ct) is { } refused)
        {
            return await refused;
        }

        // PoolDomainRouting resolved the domain, so its pool exists.
        var pool = (await PoolSettings.LoadAsync(db, domain.PoolId, ct))!;
        return await RenderAsync(context, page, csrf, pool, domain, request, null, null, ct);
    }

    public static async Task<IResult> PostAsync(
        HttpContext context, AuthorizeChecks checks, HostedPage page, CsrfTokens csrf, AppDb db, SecretProtector protector,
        SignUp signUp, ConfirmPage confirm, SignInCookie cookie, CancellationToken ct)
    {
        var domain = context.PoolDomain();
        var form = await context.Request.ReadFormAsync(ct);
        var request = AuthorizeRequest.FromForm(form);
        var outcome = await checks.RunAsync(domain, request, ct);
        if (LoginPage.Refused(outcome, page, domain, request, ct) is { } refused)
        {
            return await refused;
        }

        var pool = (await PoolSettings.LoadAsync(db, domain.PoolId, ct))!;
        if (!csrf.IsValid(context, form))
        {
            return await RenderAsync(context, page, csrf, pool, domain, request, form, HostedUiStrings.FormExpired, ct);
        }

        var username = pool.EmailIsUsername ? form[UserAttributeNames.Email].ToString()
            : pool.PhoneIsUsername ? form[UserAttributeNames.PhoneNumber].ToString()
            : form["username"].ToString();
        var attributes = SelfServiceForms.SignUpAttributes(pool)
            .Where(name => form[name].ToString().Length > 0)
            .Select(name => new AttributeType { Name = name, Value = form[name].ToString() })
            .ToList();
        // RunAsync returned no refusal, so the client is known.
        var client = outcome.Valid!.Client;
        var result = await signUp.HandleAsync(new SignUpRequest
        {
            ClientId = client.ClientId,
            SecretHash = SelfServiceForms.SecretHash(protector, client, username),
            Username = username,
            Password = form["password"].ToString(),
            UserAttributes = attributes,
        }, ct);
        if (result.Error is { } error)
        {
            return await RenderAsync(context, page, csrf, pool, domain, request, form, error.Message, ct);
        }

        var response = (SignUpResponse)result.Body!;
        if (response.UserConfirmed)
        {
            return Results.Redirect(request.WithoutPrompt().WithQuery(domain.Url("/login")));
        }

        var proof = cookie.SealSignedUp(domain.PoolId, username, SelfServiceForms.SignedUpValidity);
        return await confirm.RenderAsync(context, domain, request, username, proof,
            response.CodeDeliveryDetails?.Destination, null, null, ct);
    }

    private static Task<IResult> RenderAsync(
        HttpContext context, HostedPage page, CsrfTokens csrf, PoolSettings pool, PoolDomainContext domain,
        AuthorizeRequest request, IFormCollection? form, string? error, CancellationToken ct)
    {
        var body = new Html().Heading(HostedUiStrings.SignUpHeading).Alert(error)
            .FormStart(domain.Url("/signup"), csrf.FormValue(context)).HiddenRequest(request);
        if (!pool.UsernameIsSub)
        {
            body.Field("username", HostedUiStrings.Username, "text", form?["username"].ToString(), "username");
        }

        foreach (var name in SelfServiceForms.SignUpAttributes(pool))
        {
            body.Field(name, SelfServiceForms.Label(name), SelfServiceForms.InputType(name), form?[name].ToString(), SelfServiceForms.Autocomplete(name));
        }

        body.PasswordPolicy(pool.PasswordPolicy)
            .Field("password", HostedUiStrings.Password, "password", null, "new-password", describedBy: "password-policy")
            .FormEnd(HostedUiStrings.SignUpButton)
            .Raw("<p class=\"note\">").Text(HostedUiStrings.HaveAccount).Raw(" ")
            .Link(request.WithoutPrompt().WithQuery(domain.Url("/login")), HostedUiStrings.SignInLink).Raw("</p>");
        return page.RenderAsync(domain, request.ClientId, HostedUiStrings.SignUpTitle, body, ct,
            error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
