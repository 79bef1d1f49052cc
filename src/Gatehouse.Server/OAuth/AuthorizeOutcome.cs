using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.OAuth;

/// <summary>
/// The result of checking an authorize request: an error shown on the error page (no trustworthy redirect_uri:
/// RFC 6749 §4.1.2.1 forbids redirecting then), an error sent back to the redirect_uri, or a valid request with its
/// client and the scopes it will be granted.
/// </summary>
internal sealed record AuthorizeOutcome(
    string? PageError = null,
    string? RedirectError = null,
    string? ErrorDescription = null,
    ValidAuthorize? Valid = null);

/// <summary>
/// A checked authorize request: the client, its settings and the scopes to grant (space-separated), and the external
/// provider it names (<c>identity_provider</c> other than COGNITO, or <c>idp_identifier</c>), verified to exist in the
/// pool and to be supported by the client; null for the pool's own sign-in.
/// </summary>
internal sealed record ValidAuthorize(
    AuthorizeRequest Request, AppClient Client, UserPoolClientType Settings, string Scopes, IdentityProvider? Provider = null)
{
    public const string Cognito = "COGNITO";

    /// <summary>Whether the client lets users sign in with the pool's own username and password.</summary>
    public bool SupportsCognito => (Settings.SupportedIdentityProviders ?? []).Contains(Cognito, StringComparer.Ordinal);

    public bool Implicit => string.Equals(Request.ResponseType, "token", StringComparison.Ordinal);

    /// <summary>The redirect_uri, verified to be one of the client's CallbackURLs.</summary>
    public string RedirectUri => Request.RedirectUri ?? throw new InvalidOperationException("Checked before.");
}
