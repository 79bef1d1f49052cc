namespace Gatehouse.Server.Sts;

/// <summary>STS's messages, as real STS words them where observed.</summary>
internal static class StsMessages
{
    public const string NotAuthorizedWebIdentity = "Not authorized to perform sts:AssumeRoleWithWebIdentity";
    public const string NotAuthorizedTagSession = "Not authorized to perform sts:TagSession";
    public const string DurationExceedsMax =
        "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.";
    public const string DurationTooShort =
        "1 validation error detected: Value at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900";
    public const string PolicyTooLarge = "Session policy is too large: the policy must be at most 2048 characters.";
    public const string InvalidToken = "The security token included in the request is invalid.";
    public const string ExpiredToken = "The security token included in the request is expired";
    public const string NotJwt = "The web identity token is not a valid JWT.";
    public const string BadSignature = "The web identity token's signature could not be verified.";
    public const string UnknownKey = "The web identity token's signing key is unknown to its issuer.";
    public const string WrongAudience = "Incorrect token audience";
    public const string ProviderIdWithOidc = "ProviderId is only for OAuth 2.0 access tokens; omit it for an OpenID Connect ID token.";
    public const string MissingSubject = "The web identity token has no sub claim.";
    public const string KeysUnavailable = "Couldn't retrieve verification key from your identity provider";

    public static string NoProvider(string issuer) =>
        $"No OpenIDConnect provider found in your account for {issuer}";

    public static string TokenExpired(DateTimeOffset now, DateTimeOffset expiry) =>
        FormattableString.Invariant($"Token expired: current date/time {now:yyyy-MM-dd'T'HH:mm:ss'Z'} must be before the expiration date/time {expiry:yyyy-MM-dd'T'HH:mm:ss'Z'}");

    public static string NotAuthorizedOperation(string arn, string action) =>
        $"User: {arn} is not authorized to perform: {action}";
}
