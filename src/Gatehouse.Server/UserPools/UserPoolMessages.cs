namespace Gatehouse.Server.UserPools;

/// <summary>The messages of the user-pool and app-client operations, worded as Cognito words them where known.</summary>
internal static class UserPoolMessages
{
    public const string AliasAndUsernameAttributes =
        "Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.";
    public const string DeletionProtected =
        "The user pool cannot be deleted because deletion protection is activated. " +
        "Deletion protection must be inactivated first.";
    public const string RequiredCustomAttribute = "Required custom attributes are not supported currently.";
    public const string BothTemporaryPasswordValidities =
        "Please use TemporaryPasswordValidityDays in PasswordPolicy instead of UnusedAccountValidityDays";
    public const string InvalidPaginationToken = "The pagination token is not valid for this request.";
    public const string InviteMessagePlaceholders =
        "The invitation message template must contain the {username} and {####} placeholders.";
    public const string VerificationEmailBoth =
        "Specify EmailMessage for CONFIRM_WITH_CODE or EmailMessageByLink for CONFIRM_WITH_LINK, not both.";
    public const string VerificationEmailByLinkMissing =
        "CONFIRM_WITH_LINK needs an EmailMessageByLink with a {##link text##} placeholder.";
    public const string DeveloperEmailNeedsSourceArn =
        "EmailConfiguration.SourceArn is required when EmailSendingAccount is DEVELOPER.";
    public const string SignInPolicyNeedsPassword = "AllowedFirstAuthFactors must include PASSWORD.";
    public const string RecoveryMechanismsInvalid =
        "AccountRecoverySetting needs 1 or 2 distinct mechanisms with distinct priorities 1 and 2; " +
        "admin_only cannot be combined with another mechanism.";
    public const string MfaNeedsFactor =
        "Invalid MFA configuration given, can't turn off all MFAs and set MFA to be ON/OPTIONAL.";
    public const string SmsMfaNeedsSmsConfiguration =
        "SMS configuration (SnsCallerArn) is required to activate SMS MFA.";
    public const string EmailMfaNeedsDeveloperEmail =
        "Email MFA requires an EmailConfiguration with EmailSendingAccount DEVELOPER.";
    public const string AdvancedSecurityNeedsPlus = "Threat protection is only available in the PLUS tier.";
    public const string FeatureNeedsEssentials = "This feature is not available in the LITE tier.";
    public const string TooManyCustomAttributes = "A user pool can have at most 50 custom attributes.";
    public const string ClientCredentialsWithOtherFlows =
        "client_credentials flow can not be selected along with code flow or implicit flow.";
    public const string ClientCredentialsNeedSecret =
        "client_credentials flow can not be selected if client does not have a client secret.";
    public const string OAuthFlowsRequired =
        "AllowedOAuthFlows and AllowedOAuthScopes are required when AllowedOAuthFlowsUserPoolClient is true.";
    public const string CallbackUrlRequired = "A redirect uri must be specified when code or implicit flow is allowed.";
    public const string DefaultRedirectNotInCallbacks = "DefaultRedirectURI must be one of the CallbackURLs.";
    public const string LegacyAndNewAuthFlows =
        "Legacy ExplicitAuthFlows (ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH) cannot be " +
        "combined with ALLOW_ values.";
    public const string ContextDataNeedsSecret =
        "EnablePropagateAdditionalUserContextData can only be activated on an app client with a client secret.";

    public const string ConcurrentUpdate = "The resource was changed by another request; retry with its new state.";

    public static string PoolNotFound(string poolId) => $"User pool {poolId} does not exist.";

    public static string ClientNotFound(string clientId) => $"User pool client {clientId} does not exist.";

    public static string SchemaAttributeInvalid(string name, string reason) =>
        $"Invalid schema attribute {name}: {reason}";

    public static string AttributeExists(string name) => $"Existing attribute already has name {name}.";

    public static string RequireVerificationNotAutoVerified(string attribute) =>
        $"The attribute {attribute} in AttributesRequireVerificationBeforeUpdate must be in AutoVerifiedAttributes.";

    public static string InvalidReadAttributes(string verb) => $"Invalid read attributes specified while {verb} a client";

    public static string InvalidWriteAttributes(string verb) =>
        $"Invalid write attributes specified while {verb} a client";

    public static string TokenValidityOutOfRange(string token, string range) =>
        $"The {token} token validity must be between {range}.";

    public static string InvalidRedirectUri(string uri) => $"Invalid redirect uri: {uri}";

    public static string ScopeDoesNotExist(string scope) => $"Invalid scope requested: {scope}";

    public static string ResourceServerExists(string identifier) =>
        $"A resource server with identifier {identifier} already exists in this user pool.";

    public static string ResourceServerNotFound(string identifier) => $"Resource server {identifier} does not exist.";

    public static string DuplicateScopeName(string scopeName) => $"Duplicate scope name {scopeName}.";

    public static string ResourceServerLimit(int limit) =>
        $"The user pool has reached its limit of {limit} resource servers.";

    public static string ProviderDoesNotExist(string provider, string poolId) =>
        $"The provider {provider} does not exist for User Pool {poolId}";

    public const string MfaOffWithFactor =
        "Invalid MFA configuration given, can't turn off MFA and configure an MFA together.";
}
