namespace Gatehouse.Server.AwsProtocol;

/// <summary>
/// The one catalogue of AWS error names Gatehouse answers with. <see cref="Type"/> is the exact
/// <c>__type</c> of the AWS model. <see cref="Status"/> is what live Cognito sends, which is not the model's
/// <c>httpError</c> trait: its JSON front end answers every client error with HTTP 400 (NotAuthorizedException,
/// ResourceNotFoundException and UserNotFoundException included, as SDK error reports show:
/// "Status Code: 400; Error Code: UserNotFoundException"), and server errors with 500. The same holds for the
/// front-end errors the model does not list (SigV4, serialization, unknown target), as for every Coral JSON
/// service. Clients key on <c>__type</c>; the SDKs classify throttling by name, not by status.
/// </summary>
internal sealed record AwsError(string Type, string Message, int Status, string? ReasonCode = null)
{
    // Modelled user-pool errors.
    public static AwsError AliasExists(string message) => new("AliasExistsException", message, 400);
    public static AwsError CodeDeliveryFailure(string message) => new("CodeDeliveryFailureException", message, 400);
    public static AwsError CodeMismatch(string message) => new("CodeMismatchException", message, 400);
    public static AwsError ConcurrentModification(string message) =>
        new("ConcurrentModificationException", message, 400);
    public static AwsError EnableSoftwareTokenMfa(string message) =>
        new("EnableSoftwareTokenMFAException", message, 400);
    public static AwsError DeviceKeyExists(string message) => new("DeviceKeyExistsException", message, 400);
    public static AwsError DuplicateProvider(string message) => new("DuplicateProviderException", message, 400);
    public static AwsError ExpiredCode(string message) => new("ExpiredCodeException", message, 400);
    public static AwsError GroupExists(string message) => new("GroupExistsException", message, 400);
    public static AwsError InvalidOAuthFlow(string message) => new("InvalidOAuthFlowException", message, 400);
    public static AwsError InvalidParameter(string message, string? reasonCode = null) =>
        new("InvalidParameterException", message, 400, reasonCode);
    public static AwsError InvalidPassword(string message) => new("InvalidPasswordException", message, 400);
    public static AwsError InvalidLambdaResponse(string message) =>
        new("InvalidLambdaResponseException", message, 400);
    public static AwsError InvalidUserPoolConfiguration(string message) =>
        new("InvalidUserPoolConfigurationException", message, 400);
    public static AwsError LimitExceeded(string message) => new("LimitExceededException", message, 400);
    public static AwsError SoftwareTokenMfaNotFound(string message) =>
        new("SoftwareTokenMFANotFoundException", message, 400);
    public static AwsError OperationNotEnabled(string message) => new("OperationNotEnabledException", message, 400);
    public static AwsError PasswordResetRequired(string message) =>
        new("PasswordResetRequiredException", message, 400);
    public static AwsError PreconditionNotMet(string message) => new("PreconditionNotMetException", message, 400);
    public static AwsError RefreshTokenReuse(string message) => new("RefreshTokenReuseException", message, 400);
    public static AwsError ScopeDoesNotExist(string message) => new("ScopeDoesNotExistException", message, 400);
    public static AwsError TooManyFailedAttempts(string message) =>
        new("TooManyFailedAttemptsException", message, 400);
    public static AwsError UnexpectedLambda(string message) => new("UnexpectedLambdaException", message, 400);
    public static AwsError UnsupportedIdentityProvider(string message) =>
        new("UnsupportedIdentityProviderException", message, 400);
    public static AwsError UnsupportedOperation(string message) =>
        new("UnsupportedOperationException", message, 400);
    public static AwsError UnsupportedTokenType(string message) => new("UnsupportedTokenTypeException", message, 400);
    public static AwsError UnsupportedUserState(string message) => new("UnsupportedUserStateException", message, 400);
    public static AwsError UserImportInProgress(string message) => new("UserImportInProgressException", message, 400);
    public static AwsError UserLambdaValidation(string message) =>
        new("UserLambdaValidationException", message, 400);
    public static AwsError UserNotConfirmed(string message) => new("UserNotConfirmedException", message, 400);
    public static AwsError UserPoolTagging(string message) => new("UserPoolTaggingException", message, 400);
    public static AwsError UsernameExists(string message) => new("UsernameExistsException", message, 400);
    public static AwsError FeatureUnavailableInTier(string message) =>
        new("FeatureUnavailableInTierException", message, 400);
    public static AwsError NotAuthorized(string message) => new("NotAuthorizedException", message, 400);
    public static AwsError WebAuthnNotEnabled(string message) => new("WebAuthnNotEnabledException", message, 400);
    public static AwsError WebAuthnConfigurationMissing(string message) =>
        new("WebAuthnConfigurationMissingException", message, 400);
    public static AwsError WebAuthnChallengeNotFound(string message) =>
        new("WebAuthnChallengeNotFoundException", message, 400);
    public static AwsError WebAuthnRelyingPartyMismatch(string message) =>
        new("WebAuthnRelyingPartyMismatchException", message, 400);
    public static AwsError WebAuthnOriginNotAllowed(string message) =>
        new("WebAuthnOriginNotAllowedException", message, 400);
    public static AwsError WebAuthnClientMismatch(string message) => new("WebAuthnClientMismatchException", message, 400);
    public static AwsError WebAuthnCredentialNotSupported(string message) =>
        new("WebAuthnCredentialNotSupportedException", message, 400);
    public static AwsError Unauthorized(string message) => new("UnauthorizedException", message, 400);
    public static AwsError TierChangeNotAllowed(string message) => new("TierChangeNotAllowedException", message, 400);
    public static AwsError ResourceNotFound(string message) => new("ResourceNotFoundException", message, 400);
    public static AwsError UserNotFound(string message) => new("UserNotFoundException", message, 400);
    public static AwsError TooManyRequests(string message) => new("TooManyRequestsException", message, 400);
    public static AwsError InternalError(string message) => new("InternalErrorException", message, 500);

    // Modelled identity-pool errors (cognito-identity; statuses as above).
    public static AwsError ResourceConflict(string message) => new("ResourceConflictException", message, 400);
    public static AwsError ExternalService(string message) => new("ExternalServiceException", message, 400);
    public static AwsError InvalidIdentityPoolConfiguration(string message) =>
        new("InvalidIdentityPoolConfigurationException", message, 400);
    public static AwsError DeveloperUserAlreadyRegistered(string message) =>
        new("DeveloperUserAlreadyRegisteredException", message, 400);

    // IAM errors: the awsQueryError codes and statuses of the IAM model (iam-2010-05-08.json), not the shape names.
    public static AwsError NoSuchEntity(string message) => new("NoSuchEntity", message, 404);
    public static AwsError EntityAlreadyExists(string message) => new("EntityAlreadyExists", message, 409);
    public static AwsError DeleteConflict(string message) => new("DeleteConflict", message, 409);
    public static AwsError MalformedPolicyDocument(string message) => new("MalformedPolicyDocument", message, 400);
    public static AwsError InvalidInput(string message) => new("InvalidInput", message, 400);
    public static AwsError IamLimitExceeded(string message) => new("LimitExceeded", message, 409);
    public static AwsError UnmodifiableEntity(string message) => new("UnmodifiableEntity", message, 400);
    public static AwsError IamConcurrentModification(string message) => new("ConcurrentModification", message, 409);

    // STS errors: awsQueryError codes of the STS model (shared/api/sts-web-identity.md "Errors"), plus AccessDenied,
    // which real STS answers when a trust policy does not match.
    public static AwsError AccessDenied(string message) => new("AccessDenied", message, 403);
    public static AwsError InvalidIdentityToken(string message) => new("InvalidIdentityToken", message, 400);
    public static AwsError ExpiredTokenException(string message) => new("ExpiredTokenException", message, 400);
    public static AwsError IdpRejectedClaim(string message) => new("IDPRejectedClaim", message, 403);
    public static AwsError IdpCommunicationError(string message) => new("IDPCommunicationError", message, 400);
    public static AwsError PackedPolicyTooLarge(string message) => new("PackedPolicyTooLarge", message, 400);
    public static AwsError ValidationError(string message) => new("ValidationError", message, 400);
    public static AwsError InvalidParameterValue(string message) => new("InvalidParameterValue", message, 400);

    /// <summary>A Query request signed with a key STS does not know, or a temporary key without its valid token.</summary>
    public static AwsError InvalidClientTokenId(string message) => new("InvalidClientTokenId", message, 403);

    /// <summary>A JSON (cognito-idp, cognito-identity) call refused to the caller (temporary credentials, TODO(#12)).</summary>
    public static AwsError AccessDeniedException(string message) => new("AccessDeniedException", message, 400);

    // Errors of the AWS Query front end (IAM API reference, Common Errors).
    public static AwsError MissingAction(string message) => new("MissingAction", message, 400);
    public static AwsError InvalidAction(string message) => new("InvalidAction", message, 400);

    /// <summary>Temporary credentials past their expiry: ExpiredToken on Query services, as IAM and STS answer.</summary>
    public static AwsError ExpiredToken(string message) => new("ExpiredToken", message, 403);

    // Errors of the AWS JSON front end, not in the service model (protocol-notes §4).
    public static AwsError UnknownOperation(string message) => new("UnknownOperationException", message, 400);
    public static AwsError Serialization(string message) => new("SerializationException", message, 400);
    public static AwsError MissingAuthenticationToken(string message) =>
        new("MissingAuthenticationTokenException", message, 400);
    public static AwsError UnrecognizedClient(string message) => new("UnrecognizedClientException", message, 400);
    public static AwsError InvalidSignature(string message) => new("InvalidSignatureException", message, 400);
    public static AwsError IncompleteSignature(string message) => new("IncompleteSignature", message, 400);
    public static AwsError RequestTooLarge(string message) => new("RequestEntityTooLargeException", message, 413);
}
