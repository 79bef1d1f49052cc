using System.Text.Json;
using Gatehouse.Server.Auth;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.HostedUi;

/// <summary>
/// The hosted UI's sign-in cookie: a <see cref="SignInSession"/> sealed with AES-GCM under the master key
/// (<see cref="AuthBlobSealer"/>, purpose <c>hosted-ui-session</c>), HttpOnly, SameSite=Lax, scoped to the domain's
/// path, for <see cref="HostedUiOptions.SessionMinutes"/>. Any node can read it; nobody can forge or read it.
/// </summary>
internal sealed class SignInCookie(AuthBlobSealer sealer, IOptions<HostedUiOptions> options, TimeProvider clock)
{
    public const string Name = "gatehouse-session";
    private const string Purpose = "hosted-ui-session";
    private const string PendingPurpose = "hosted-ui-new-password";
    private const string SignedUpPurpose = "hosted-ui-signed-up";

    public void Issue(HttpContext context, string poolId, string sub, DateTimeOffset authTime)
    {
        var expires = clock.GetUtcNow().AddMinutes(options.Value.SessionMinutes);
        var session = new SignInSession(poolId, sub, authTime.ToUnixTimeMilliseconds(), expires.ToUnixTimeMilliseconds());
        var value = sealer.Seal(Purpose, JsonSerializer.SerializeToUtf8Bytes(session, HostedUiJsonContext.Default.SignInSession));
        context.Response.Cookies.Append(Name, value, Options(context, expires));
    }

    /// <summary>The session of this browser for <paramref name="poolId"/>, or null (none, foreign, forged or expired).</summary>
    public SignInSession? Read(HttpContext context, string poolId)
    {
        if (context.Request.Cookies[Name] is not { Length: > 0 } value
            || sealer.Open(Purpose, value) is not { } json
            || JsonSerializer.Deserialize(json, HostedUiJsonContext.Default.SignInSession) is not { } session)
        {
            return null;
        }

        return string.Equals(session.PoolId, poolId, StringComparison.Ordinal)
            && session.ExpiresAt > clock.GetUtcNow().ToUnixTimeMilliseconds()
                ? session
                : null;
    }

    public static void Clear(HttpContext context) =>
        context.Response.Cookies.Delete(Name, Options(context, DateTimeOffset.UnixEpoch));

    /// <summary>Sealed state for the new-password form (temporary password accepted, new one not yet set).</summary>
    public string SealPending(string poolId, string username, TimeSpan validity) =>
        Seal(PendingPurpose, poolId, username, validity);

    public PendingNewPassword? OpenPending(string? text, string poolId) => Open(PendingPurpose, text, poolId);

    /// <summary>
    /// Sealed state for the confirmation form right after /signup: the user chose the password in this very flow,
    /// so a correct code finishes the sign-in (same layout as <see cref="PendingNewPassword"/>, another purpose).
    /// </summary>
    public string SealSignedUp(string poolId, string username, TimeSpan validity) =>
        Seal(SignedUpPurpose, poolId, username, validity);

    public PendingNewPassword? OpenSignedUp(string? text, string poolId) => Open(SignedUpPurpose, text, poolId);

    private string Seal(string purpose, string poolId, string username, TimeSpan validity) =>
        sealer.Seal(purpose, JsonSerializer.SerializeToUtf8Bytes(
            new PendingNewPassword(poolId, username, clock.GetUtcNow().Add(validity).ToUnixTimeMilliseconds()),
            HostedUiJsonContext.Default.PendingNewPassword));

    private PendingNewPassword? Open(string purpose, string? text, string poolId)
    {
        if (text is not { Length: > 0 } || sealer.Open(purpose, text) is not { } json
            || JsonSerializer.Deserialize(json, HostedUiJsonContext.Default.PendingNewPassword) is not { } pending)
        {
            return null;
        }

        return string.Equals(pending.PoolId, poolId, StringComparison.Ordinal)
            && pending.ExpiresAt > clock.GetUtcNow().ToUnixTimeMilliseconds()
                ? pending
                : null;
    }

    private static CookieOptions Options(HttpContext context, DateTimeOffset expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        Path = string.IsNullOrEmpty(context.Request.PathBase.Value) ? "/" : context.Request.PathBase.Value,
        Expires = expires,
    };
}
