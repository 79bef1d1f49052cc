using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Iam;

/// <summary><c>UpdateAssumeRolePolicy</c>: replaces the role's trust policy, checked as CreateRole checks it.</summary>
internal sealed class UpdateAssumeRolePolicy(AppDb db, ILogger<UpdateAssumeRolePolicy> logger)
    : IAwsHandler<UpdateAssumeRolePolicyRequest>
{
    public async Task<AwsResult> HandleAsync(UpdateAssumeRolePolicyRequest request, CancellationToken ct)
    {
        if (await IamLookup.FindRoleAsync(db, request.RoleName, ct) is not { } role)
        {
            return AwsError.NoSuchEntity(IamMessages.RoleNotFound(request.RoleName));
        }

        if (IamPolicyText.CheckTrust(request.PolicyDocument) is { } policyError)
        {
            return policyError;
        }

        role.AssumeRolePolicyDocument = request.PolicyDocument;
        await db.SaveChangesAsync(ct);
        Log.TrustPolicyUpdated(logger, role.RoleId);
        return AwsResult.Empty;
    }
}
