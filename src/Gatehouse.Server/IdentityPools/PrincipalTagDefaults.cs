namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// The principal tags of a provider whose map says <c>UseDefaults</c>: tag key → the token claim it takes its value
/// from. SetPrincipalTagAttributeMap names the defaults "username and clientID"; the developer guide's "Default
/// provider mappings" (provider-mappings.html) gives the claims: <c>aud</c> (the client id) and <c>sub</c> (the user
/// id) for user pools, OIDC providers, Google, Apple and Facebook; <c>aud</c> and <c>user_id</c> for Login with
/// Amazon; the NameID assertion for SAML.
/// </summary>
internal static class PrincipalTagDefaults
{
    public const string ClientTag = "client";
    public const string UsernameTag = "username";
    public const string SamlNameIdentifier = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier";

    public static Dictionary<string, string> For(string providerName)
    {
        if (providerName.StartsWith("arn:aws:iam::", StringComparison.Ordinal))
        {
            return new(StringComparer.Ordinal) { [UsernameTag] = SamlNameIdentifier };
        }

        var userClaim = string.Equals(providerName, "www.amazon.com", StringComparison.Ordinal) ? "user_id" : "sub";
        return new(StringComparer.Ordinal) { [ClientTag] = "aud", [UsernameTag] = userClaim };
    }
}
