using Gatehouse.Server.AwsProtocol;

namespace Gatehouse.Server.Federation;

/// <summary>
/// The rules of one family of provider types for CreateIdentityProvider and UpdateIdentityProvider: which
/// <c>ProviderDetails</c> keys are required and allowed, and what Cognito adds to them (an OIDC issuer's discovered
/// endpoints, a SAML metadata's SSO URLs and certificates). Social and OIDC types are in <c>Federation/</c>, SAML in
/// <c>Federation/Saml/</c>; the operations take whichever handles the type.
/// </summary>
internal interface IProviderDetailsRules
{
    bool Handles(string providerType);

    /// <summary>
    /// Checks <paramref name="details"/> (for an update: the previous details with the request's merged over them)
    /// and returns them completed, or the AWS error (InvalidParameterException...) to answer.
    /// </summary>
    Task<ProviderDetailsOutcome> CompleteAsync(
        string poolId, string providerName, string providerType, Dictionary<string, string> details, CancellationToken ct);
}

/// <summary>The completed details, or the error.</summary>
internal sealed record ProviderDetailsOutcome(Dictionary<string, string>? Details, AwsError? Error);
