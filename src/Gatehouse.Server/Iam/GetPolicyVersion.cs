using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;
using Gatehouse.Server.Storage;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Iam;

/// <summary>
/// <c>GetPolicyVersion</c>. Policies here have one version, <c>v1</c> (CreatePolicyVersion is not built); any other
/// version id names nothing. The document is URL-encoded as IAM returns it.
/// </summary>
internal sealed class GetPolicyVersion(AppDb db, IOptions<InstanceOptions> instance) : IAwsHandler<GetPolicyVersionRequest>
{
    public async Task<AwsResult> HandleAsync(GetPolicyVersionRequest request, CancellationToken ct)
    {
        if (IamLookup.CheckPolicyArn(request.PolicyArn) is { } arnError)
        {
            return arnError;
        }

        var policy = await IamLookup.FindPolicyAsync(db, request.PolicyArn, instance.Value.AccountId, ct);
        if (policy is null || !string.Equals(request.VersionId, policy.DefaultVersionId, StringComparison.Ordinal))
        {
            return AwsError.NoSuchEntity(IamMessages.PolicyVersionNotFound(request.PolicyArn, request.VersionId));
        }

        return AwsResult.Ok(new GetPolicyVersionResponse
        {
            PolicyVersion = new PolicyVersion
            {
                Document = IamPolicyText.Encode(policy.Document),
                VersionId = policy.DefaultVersionId,
                IsDefaultVersion = true,
                CreateDate = policy.CreatedAt,
            },
        });
    }
}
