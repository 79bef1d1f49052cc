using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Sts;

namespace Gatehouse.Server.Sts;

/// <summary>
/// STS <c>AssumeRoleWithWebIdentity</c> (shared/api/sts-web-identity.md): unsigned or signed, a web identity token
/// (identity-pool OpenID token or an IAM OIDC provider's ID token, <see cref="WebIdentityTokenVerifier"/>) buys
/// temporary credentials for a role whose trust policy allows it (<see cref="RoleAssumption"/>).
/// </summary>
internal sealed class AssumeRoleWithWebIdentity(WebIdentityTokenVerifier verifier, RoleAssumption assumption)
    : IAwsHandler<AssumeRoleWithWebIdentityRequest>
{
    public const string Source = "AssumeRoleWithWebIdentity";

    public async Task<AwsResult> HandleAsync(AssumeRoleWithWebIdentityRequest request, CancellationToken ct)
    {
        // Managed session policies would have to be resolved on every decision; not offered yet (docs/compatibility.md).
        if (request.PolicyArns is { Count: > 0 })
        {
            return AwsError.InvalidParameterValue(
                "PolicyArns is not supported by Gatehouse; pass the session policy inline in Policy.");
        }

        var (verified, tokenError) = await verifier.VerifyAsync(request.WebIdentityToken, request.ProviderId, ct);
        if (verified is null)
        {
            return tokenError!; // VerifyAsync returns an error whenever it returns no identity.
        }

        var (assumed, error) = await assumption.AssumeAsync(request.RoleArn, verified.Identity, request.RoleSessionName,
            request.DurationSeconds, request.Policy, null, Source, ct);
        if (assumed is null)
        {
            return error!; // AssumeAsync returns an error whenever it assumes nothing.
        }

        var credentials = assumed.Credentials;
        return AwsResult.Ok(new AssumeRoleWithWebIdentityResponse
        {
            Credentials = new Credentials
            {
                AccessKeyId = credentials.AccessKeyId,
                SecretAccessKey = credentials.SecretAccessKey,
                SessionToken = credentials.SessionToken,
                Expiration = credentials.Expiration,
            },
            SubjectFromWebIdentityToken = verified.Identity.Subject,
            AssumedRoleUser = new AssumedRoleUser
            {
                AssumedRoleId = $"{assumed.Role.RoleId}:{request.RoleSessionName}",
                Arn = Iam.IamArns.AssumedRole(assumption.Account, assumed.Role.RoleName, request.RoleSessionName),
            },
            // The share of the 2,048-character limit the inline session policy uses, as a percentage.
            PackedPolicySize = request.Policy is { } policy
                ? (policy.Length * 100 + RoleAssumption.MaxSessionPolicyLength - 1) / RoleAssumption.MaxSessionPolicyLength
                : null,
            Provider = verified.ResponseProvider,
            Audience = verified.Identity.Audience,
        });
    }
}
