using Gatehouse.Server.Auth;
using Gatehouse.Server.OAuth;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.HostedUi;

/// <summary>
/// The new-password form after a sign-in with a temporary password (NEW_PASSWORD_REQUIRED), posted to
/// <c>/forceChangePassword</c>: fields <c>password</c>, <c>confirmPassword</c> and
/// <c>requiredAttributes[&lt;name&gt;]</c> for each required attribute the user lacks. The sealed <c>session</c>
/// field proves the temporary password was accepted within the last few minutes.
/// </summary>
internal sealed class NewPasswordPage(
    AppDb db, HostedPage page, CsrfTokens csrf, SignInCookie cookie, UserPasswords passwords, TimeProvider clock)
{
    private static readonly TimeSpan Validity = TimeSpan.FromMinutes(3);

    public async Task<IResult> RenderAsync(
        HttpContext context, PoolDomainContext domain, AuthorizeRequest request, string username, string? error,
        CancellationToken ct)
    {
        var pool = await PoolSettings.LoadAsync(db, domain.PoolId, ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.PoolId == domain.PoolId && u.Username == username, ct);
        var missing = pool is null || user is null
            ? []
            : SignInCompletion.MissingRequiredAttributes(pool, UserRecordWriter.ReadAttributes(user)).ToList();
        var body = new Html().Heading(HostedUiStrings.NewPasswordHeading).Alert(error)
            .FormStart(domain.Url("/forceChangePassword"), csrf.FormValue(context))
            .Hidden("session", cookie.SealPending(domain.PoolId, username, Validity));
        foreach (var (name, value) in request.WithoutPrompt().Parameters())
        {
            body.Hidden(name, value);
        }

        foreach (var attribute in missing)
        {
            body.Field($"requiredAttributes[{attribute}]", attribute, "text");
        }

        body.Field("password", HostedUiStrings.NewPassword, "password", null, "new-password")
            .Field("confirmPassword", HostedUiStrings.ConfirmNewPassword, "password", null, "new-password")
            .FormEnd(HostedUiStrings.ChangePasswordButton);
        return await page.RenderAsync(domain, request.ClientId, HostedUiStrings.NewPasswordTitle, body, ct,
            error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    public static async Task<IResult> PostAsync(
        HttpContext context, AuthorizeChecks checks, HostedPage page, NewPasswordPage self, CsrfTokens csrf,
        SignInCookie cookie, AuthorizationCompletion completion, HostedMfa mfa, TimeProvider time, CancellationToken ct)
    {
        var domain = context.PoolDomain();
        var form = await context.Request.ReadFormAsync(ct);
        var request = AuthorizeRequest.FromForm(form);
        var outcome = await checks.RunAsync(domain, request, ct);
        if (LoginPage.Refused(outcome, page, domain, request, ct) is { } refused)
        {
            return await refused;
        }

        if (!csrf.IsValid(context, form) || cookie.OpenPending(form["session"], domain.PoolId) is not { } pending)
        {
            return await ErrorPage.RenderAsync(page, domain, request.ClientId, HostedUiStrings.SessionExpired, ct);
        }

        var (user, error) = await self.ChangeAsync(domain.PoolId, pending.Username, form, ct);
        if (user is null)
        {
            return await self.RenderAsync(context, domain, request, pending.Username, error, ct);
        }

        // RunAsync returned no refusal, so the request is valid. MFA, when it applies, follows the new password.
        var valid = outcome.Valid!;
        var step = await mfa.StartAsync(valid, user, ct);
        return await MfaPage.ContinueAsync(context, page, csrf, mfa, cookie, completion, time, domain, valid, step, ct);
    }

    private async Task<(User? User, string? Error)> ChangeAsync(
        string poolId, string username, IFormCollection form, CancellationToken ct)
    {
        var pool = await PoolSettings.LoadAsync(db, poolId, ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.PoolId == poolId && u.Username == username, ct);
        if (pool is null || user is null || !user.Enabled
            || !string.Equals(user.Status, UserStatuses.ForceChangePassword, StringComparison.Ordinal))
        {
            return (null, HostedUiStrings.SessionExpired);
        }

        var password = form["password"].ToString();
        if (!string.Equals(password, form["confirmPassword"].ToString(), StringComparison.Ordinal))
        {
            return (null, HostedUiStrings.PasswordsDiffer);
        }

        if (PasswordRules.Violation(pool.PasswordPolicy, password) is { } violation)
        {
            return (null, violation);
        }

        var attributes = UserRecordWriter.ReadAttributes(user);
        foreach (var name in SignInCompletion.MissingRequiredAttributes(pool, attributes).ToList())
        {
            var value = form[$"requiredAttributes[{name}]"].ToString();
            if (value.Length == 0)
            {
                return (null, $"{name}: {HostedUiStrings.RequiredField}");
            }

            if (UserAttributeRules.CheckValue(pool, name, value) is { } invalid)
            {
                return (null, invalid.Message);
            }

            attributes[name] = UserAttributeRules.Normalize(pool, name, value);
        }

        var now = clock.GetUtcNow();
        passwords.Set(user, password, now);
        user.Status = UserStatuses.Confirmed;
        UserRecordWriter.Write(user, pool, attributes, now);
        await db.SaveChangesAsync(ct);
        return (user, null);
    }
}
