using System.Globalization;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// Messages of identity-pool sign-in (GetId, GetOpenIdToken, GetCredentialsForIdentity, UnlinkIdentity), worded as
/// Cognito answers them where observed: "Invalid login token. Token expired: &lt;now&gt; &gt;= &lt;exp&gt;", "Token is
/// not from a supported provider of this identity pool.", "Invalid login token. Issuer doesn't match providerName",
/// "Unauthenticated access is not supported for this identity pool.", "Basic (classic) flow is not enabled, please use
/// enhanced flow." and "Invalid identity pool configuration. Check assigned IAM roles for this pool." are quoted from
/// client issues (aws-sdk-js-v3 #3113, aws-cli #7652, amplify-js #741, #9704); the rest are ours, in that style.
/// </summary>
internal static class SignInMessages
{
    public const string UnsupportedProvider = "Token is not from a supported provider of this identity pool.";
    public const string InvalidToken = "Invalid login token. Not a valid OpenId Connect identity token.";
    public const string IssuerMismatch = "Invalid login token. Issuer doesn't match providerName";
    public const string BadSignature = "Invalid login token. The token's signature could not be verified.";
    public const string NotIdToken = "Invalid login token. Not an ID token.";
    public const string Revoked = "Invalid login token. Token has been revoked.";
    public const string UserUnavailable = "Invalid login token. The user does not exist or is disabled.";
    public const string MissingSubject = "Invalid login token. Missing a required claim: sub";
    public const string KeysUnavailable = "Invalid login token. Couldn't retrieve the verification key from the provider.";
    public const string GuestsNotAllowed = "Unauthenticated access is not supported for this identity pool.";
    public const string LoginsRequired = "Please include at least one valid login for this identity or identity pool.";
    public const string ClassicFlowDisabled = "Basic (classic) flow is not enabled, please use enhanced flow.";
    public const string InvalidConfiguration = "Invalid identity pool configuration. Check assigned IAM roles for this pool.";
    public const string AmbiguousRoleDenied = "Cannot find a matching role for this identity: the role mapping denies ambiguous roles.";
    public const string CustomRoleNotAllowed = "Invalid CustomRoleArn: it is not one of the roles the token grants (cognito:roles).";
    public const string DeveloperProviderRequired = "Logins must contain the identity pool's developer provider name.";
    public const string NoDeveloperProvider = "This identity pool has no developer provider.";
    public const string DeveloperProviderInLogins =
        "The developer provider's logins are only accepted by GetOpenIdTokenForDeveloperIdentity.";

    public static string Expired(long now, long exp) =>
        string.Create(CultureInfo.InvariantCulture, $"Invalid login token. Token expired: {now} >= {exp}");

    public static string NotSupportedHere(string provider) =>
        $"Invalid login token. {provider} tokens cannot be verified by this server (its API is not reachable).";

    public static string IdentityDisabled(string identityId) => $"Identity '{identityId}' is disabled.";

    public static string LoginOfAnotherIdentity(string provider) =>
        $"Invalid login token. The {provider} login belongs to another identity.";

    public static string LoginAlreadyLinked(string provider) =>
        $"The identity already has a {provider} login of another user.";

    public static string DeveloperUserRegistered(string identityId) =>
        $"The developer user is already registered with identity '{identityId}'.";

    public static string NotLinked(string provider) => $"Login '{provider}' is not linked to this identity.";

    public static string DeveloperLoginNotUnlinkable(string provider) =>
        $"'{provider}' is the developer provider; use UnlinkDeveloperIdentity.";
}
