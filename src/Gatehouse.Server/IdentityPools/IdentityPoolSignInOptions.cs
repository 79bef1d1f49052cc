using System.ComponentModel.DataAnnotations;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// The sign-in settings of identity pools (<c>Gatehouse:IdentityPools</c>). <see cref="OpenIdIssuer"/> is the
/// <c>iss</c> of GetOpenIdToken's tokens (unset: <c>&lt;public base URL&gt;/cognito-identity</c>; STS reads the same
/// key). The social issuers are where Google and Sign in with Apple ID tokens come from: their discovery documents
/// name the key sets. An operator points them elsewhere (a test IdP, a mirror) when the real ones can't be reached.
/// </summary>
internal sealed class IdentityPoolSignInOptions
{
    public const string Section = "Gatehouse:IdentityPools";

    [Url]
    public string? OpenIdIssuer { get; set; }

    [Url]
    public string GoogleIssuer { get; set; } = "https://accounts.google.com";

    [Url]
    public string AppleIssuer { get; set; } = "https://appleid.apple.com";
}
