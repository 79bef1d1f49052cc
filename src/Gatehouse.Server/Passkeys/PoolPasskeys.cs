using Fido2NetLib.Objects;
using Gatehouse.Server.Tokens;
using Gatehouse.Server.UserPools;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.Passkeys;

/// <summary>
/// A pool's passkey settings: whether WEB_AUTHN is a first factor (<c>Policies.SignInPolicy.AllowedFirstAuthFactors</c>),
/// the relying-party id and user-verification requirement (<c>WebAuthnConfiguration</c> of SetUserPoolMfaConfig),
/// and the Gatehouse extension "passkey plus MFA" (the pool tag <see cref="PasskeyPlusMfaTag"/>).
/// Cognito defaults the relying-party id to the pool's domain; Gatehouse serves every pool from one public URL,
/// so its default is the host of <c>GATEHOUSE_PUBLIC_URL</c> (or, unset, of the request), see docs/passkeys.md.
/// </summary>
internal sealed class PoolPasskeys(PoolIssuer issuer)
{
    public const string WebAuthnFactor = "WEB_AUTHN";

    /// <summary>
    /// Pool tag that, set to <c>true</c>, makes a passkey sign-in ask for MFA as a password sign-in does (Cognito
    /// always treats a passkey as satisfying MFA). A tag, because Cognito's model has no member for it and tags
    /// already travel through CreateUserPool, UpdateUserPool and TagResource.
    /// </summary>
    public const string PasskeyPlusMfaTag = "gatehouse:passkey-plus-mfa";

    public static bool Enabled(PoolSettings pool) =>
        pool.Type.Policies?.SignInPolicy?.AllowedFirstAuthFactors?.Contains(WebAuthnFactor, StringComparer.Ordinal) == true;

    public static bool PasskeyPlusMfa(PoolSettings pool) =>
        pool.Type.UserPoolTags is { } tags && tags.TryGetValue(PasskeyPlusMfaTag, out var value)
        && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The relying-party id, or null when none can be told (no configured id and no public host).</summary>
    public string? RelyingPartyId(PoolSettings pool)
    {
        if (UserPoolSettings.ReadMfaFactors(pool.Pool).WebAuthnConfiguration?.RelyingPartyId is { Length: > 0 } configured)
        {
            return configured;
        }

        return Uri.TryCreate(issuer.PublicBaseUrl(), UriKind.Absolute, out var url) ? url.Host : null;
    }

    /// <summary>SetUserPoolMfaConfig stores <c>preferred</c> when UserVerification is omitted.</summary>
    public static UserVerificationRequirement UserVerification(PoolSettings pool) =>
        string.Equals(UserPoolSettings.ReadMfaFactors(pool.Pool).WebAuthnConfiguration?.UserVerification, "required",
            StringComparison.Ordinal)
            ? UserVerificationRequirement.Required
            : UserVerificationRequirement.Preferred;

    /// <summary>
    /// Origins allowed for <paramref name="rpId"/>: https on the id or any subdomain of it (the WebAuthn scoping
    /// rule, W3C WebAuthn §5.1.4.1 / HTML "registrable domain suffix"), and, for local development, http or https
    /// on any port of <c>localhost</c> when the id is <c>localhost</c> (browsers treat http://localhost as a secure
    /// context; they refuse IP addresses as relying-party ids, so 127.0.0.1 cannot be one).
    /// </summary>
    public static bool OriginAllowed(string rpId, string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var url) || url.AbsolutePath is not ("/" or "")
            || url.UserInfo.Length > 0)
        {
            return false;
        }

        var host = url.IdnHost;
        if (string.Equals(rpId, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
                && string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase);
        }

        return url.Scheme == Uri.UriSchemeHttps
            && (string.Equals(host, rpId, StringComparison.OrdinalIgnoreCase)
                || host.EndsWith("." + rpId, StringComparison.OrdinalIgnoreCase));
    }
}
