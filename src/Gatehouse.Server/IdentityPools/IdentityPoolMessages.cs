using System.Globalization;

namespace Gatehouse.Server.IdentityPools;

/// <summary>The messages of the identity-pool operations, worded as Cognito words them where it is known.</summary>
internal static class IdentityPoolMessages
{
    public const string InvalidNextToken = "The pagination token is invalid.";
    public const string CognitoProviderIncomplete = "Each CognitoIdentityProvider needs a ProviderName and a ClientId.";
    public const string DuplicateOidcProviderArn = "OpenIdConnectProviderARNs lists an ARN more than once.";
    public const string DuplicateSamlProviderArn = "SamlProviderARNs lists an ARN more than once.";
    public const string LookupNeedsIdentityOrUser = "Either IdentityId or DeveloperUserIdentifier must be given.";

    public static string PoolNotFound(string poolId) => $"IdentityPool '{poolId}' not found.";

    public static string IdentityNotFound(string identityId) => $"Identity '{identityId}' not found.";

    public static string ResourceNotFound(string arn) => $"Resource '{arn}' not found.";

    public static string PoolLimit(int limit) => string.Create(
        CultureInfo.InvariantCulture, $"The account already has the maximum of {limit} identity pools.");

    public static string UnsupportedLoginProvider(string key) =>
        $"Unsupported login provider '{key}' in SupportedLoginProviders; the keys are "
        + string.Join(", ", IdentityPoolProviderRules.SocialProviders) + ".";

    public static string InvalidCognitoProviderName(string name, string ownIssuer) =>
        $"Invalid CognitoIdentityProvider ProviderName '{name}': expected cognito-idp.<region>.amazonaws.com/<user pool id> "
        + $"or this server's issuer without its scheme, such as {ownIssuer}.";

    public static string DuplicateCognitoProvider(string name, string clientId) =>
        $"CognitoIdentityProviders lists ProviderName '{name}' with ClientId '{clientId}' more than once.";

    public static string InvalidOidcProviderArn(string arn) =>
        $"Invalid OpenIdConnectProviderARN '{arn}': expected arn:aws:iam::<account>:oidc-provider/<host/path> of this account.";

    public static string InvalidSamlProviderArn(string arn) =>
        $"Invalid SamlProviderARN '{arn}': expected arn:aws:iam::<account>:saml-provider/<name> of this account.";

    public static string DeveloperProviderNameFixed(string current) =>
        $"DeveloperProviderName cannot be changed once set; this pool's is '{current}'.";

    public static string ReservedTagKey(string key) => $"Tag key '{key}' is reserved: keys cannot start with aws:.";

    public static string TooManyTags(int max) => string.Create(
        CultureInfo.InvariantCulture, $"An identity pool can have at most {max} tags.");

    public static string InvalidRoleArn(string arn, string accountId) =>
        $"Invalid role ARN '{arn}': expected arn:aws:iam::{accountId}:role/<name>.";

    public static string RoleMappingProviderUnknown(string key) =>
        $"Role mapping key '{key}' is not a provider of this identity pool; a user pool is keyed "
        + "<ProviderName>:<ClientId>.";

    public static string AmbiguousRoleResolutionRequired(string key) =>
        $"The role mapping for '{key}' needs AmbiguousRoleResolution (AuthenticatedRole or Deny).";

    public static string RulesConfigurationRequired(string key) =>
        $"The role mapping for '{key}' is of type Rules and needs a RulesConfiguration with at least one rule.";

    public static string RulesConfigurationNotForToken(string key) =>
        $"The role mapping for '{key}' is of type Token, which takes no RulesConfiguration.";

    public static string TooManyRules(string key, int max) => string.Create(
        CultureInfo.InvariantCulture, $"The role mapping for '{key}' has more than {max} rules.");

    public static string ProviderNotInPool(string provider, string poolId) =>
        $"Identity provider '{provider}' is not configured for identity pool '{poolId}'.";

    public static string DeveloperUserNotFound(string user) => $"Developer user '{user}' not found.";

    public static string DeveloperUserOfAnotherIdentity(string user, string identityId) =>
        $"Developer user '{user}' is linked to an identity other than '{identityId}'.";

    public static string DeveloperProviderMismatch(string name) =>
        $"'{name}' is not the developer provider of this identity pool.";

    public static string SameProviderOnBoth(string provider) =>
        $"Both identities have a login of '{provider}' as different users; they cannot be merged.";

    public static string TooManyLogins(int max) => string.Create(
        CultureInfo.InvariantCulture, $"The merged identity would have more than {max} linked logins.");

    public static string DefaultRoleNameInvalid(string name) =>
        $"The role name '{name}' made from the pool name is not one IAM allows (at most 64 ASCII letters, digits "
        + "and _+=,.@-); create the roles with IAM and set them with SetIdentityPoolRoles.";

    public static string DefaultRolesExist(string authName, string unauthName) =>
        $"A role named {authName} or {unauthName} already exists.";
}
