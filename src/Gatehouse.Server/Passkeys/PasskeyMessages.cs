namespace Gatehouse.Server.Passkeys;

/// <summary>Messages of the passkey operations and the WEB_AUTHN challenge.</summary>
internal static class PasskeyMessages
{
    public const string NotEnabled = "Passkeys are not enabled for this user pool: add WEB_AUTHN to the sign-in policy's AllowedFirstAuthFactors.";
    public const string ConfigurationMissing = "The user pool has no WebAuthn relying party id: set WebAuthnConfiguration.RelyingPartyId with SetUserPoolMfaConfig.";
    public const string ChallengeNotFound = "No matching WebAuthn registration challenge was found, or it has expired or been used.";
    public const string RelyingPartyMismatch = "The credential was not created for this user pool's relying party.";
    public const string OriginNotAllowed = "The origin of the WebAuthn response is not allowed for this user pool's relying party.";
    public const string ClientMismatch = "The registration was started by a different app client.";
    public const string CredentialNotSupported = "The credential's key type or attestation is not supported.";
    public const string CredentialInvalid = "The WebAuthn credential could not be verified.";
    public const string CredentialMalformed = "Credential is not a valid WebAuthn registration response.";
    public const string CredentialAlreadyRegistered = "This credential is already registered.";
    public const string TooManyCredentials = "The user has the maximum number of passkeys (20).";
    public const string CredentialNotFound = "Credential not found.";
    public const string InvalidNextToken = "Invalid NextToken.";
    public const string InvalidMaxResults = "MaxResults must be between 1 and 20.";
    public const string DefaultFriendlyName = "Passkey";
}
