using System.Security.Cryptography;
using System.Text;
using Gatehouse.Server.Storage;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Server.HostedUi;

/// <summary>
/// CSRF protection for every hosted-UI form (OWASP "signed double-submit cookie"): the browser holds a random
/// value in an HttpOnly, SameSite=Lax cookie; each form carries <c>_csrf</c> = HMAC-SHA256(key, cookie value), the
/// key derived from the master key. A POST is accepted only when both are present and match. Nothing lives in
/// process memory, so any node checks any form. Written by hand rather than with ASP.NET antiforgery because that
/// one needs a Data Protection key ring shared by all nodes, which the store would have to hold and encrypt too.
/// </summary>
internal sealed class CsrfTokens
{
    public const string CookieName = "gatehouse-csrf";
    public const string FieldName = "_csrf";
    private readonly byte[] _key;

    public CsrfTokens(MasterKey masterKey)
    {
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey.Bytes, 32, salt: [],
            info: Encoding.UTF8.GetBytes("gatehouse/hosted-ui-csrf/v1"));
    }

    /// <summary>The form value for this browser, setting its cookie first when it has none.</summary>
    public string FormValue(HttpContext context)
    {
        if (context.Request.Cookies[CookieName] is not { Length: 43 } cookie)
        {
            cookie = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
            context.Response.Cookies.Append(CookieName, cookie, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                Path = "/",
            });
            context.Request.Headers.Cookie = $"{CookieName}={cookie}";
        }

        return Sign(cookie);
    }

    /// <summary>True when the posted <c>_csrf</c> matches this browser's cookie.</summary>
    public bool IsValid(HttpContext context, IFormCollection form)
    {
        if (context.Request.Cookies[CookieName] is not { Length: > 0 } cookie
            || form[FieldName].ToString() is not { Length: > 0 } posted)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(cookie)), Encoding.ASCII.GetBytes(posted));
    }

    private string Sign(string cookie) =>
        Base64UrlEncoder.Encode(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(cookie)));
}
