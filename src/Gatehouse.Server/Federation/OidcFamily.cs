namespace Gatehouse.Server.Federation;

/// <summary>
/// The provider types that sign in through an OAuth 2.0 authorization-code round trip at <c>/oauth2/idpresponse</c>,
/// and how each differs (Cognito's "Adding social identity providers" and "Adding OIDC identity providers" pages):
/// OIDC, Google and Sign in with Apple answer with an ID token (verified, nonce bound); Facebook and Login with
/// Amazon answer with an access token only, and the user is read from <c>attributes_url</c>; Apple posts its answer
/// (<c>response_mode=form_post</c>) and takes an ES256 client assertion as <c>client_secret</c>.
/// </summary>
internal static class OidcFamily
{
    public const string Oidc = "OIDC";
    public const string Google = "Google";
    public const string Facebook = "Facebook";
    public const string Amazon = "LoginWithAmazon";
    public const string Apple = "SignInWithApple";

    public static bool Handles(string type) => type is Oidc or Google or Facebook or Amazon or Apple;

    public static bool HasIdToken(string type) => type is Oidc or Google or Apple;

    /// <summary>The issuer an ID token must name when the details carry no <c>oidc_issuer</c>.</summary>
    public static string? DefaultIssuer(string type) => type switch
    {
        Google => "https://accounts.google.com",
        Apple => "https://appleid.apple.com",
        _ => null,
    };

    /// <summary>The claim of the <c>attributes_url</c> answer that holds the user's stable id.</summary>
    public static string SubjectClaim(string type) => type switch
    {
        Facebook => "id",
        Amazon => "user_id",
        _ => "sub",
    };
}
