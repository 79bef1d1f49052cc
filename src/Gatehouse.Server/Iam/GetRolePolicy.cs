using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Iam;

/// <summary><c>GetRolePolicy</c>: an inline policy, its document URL-encoded as IAM returns it.</summary>
internal sealed class GetRolePolicy(AppDb db) : IAwsHandler<GetRolePolicyRequest>
{
    public async Task<AwsResult> HandleAsync(GetRolePolicyRequest request, CancellationToken ct)
    {
        if (await IamLookup.FindRoleAsync(db, request.RoleName, ct) is not { } role)
        {
            return AwsError.NoSuchEntity(IamMessages.RoleNotFound(request.RoleName));
        }

        var policy = await db.IamRolePolicies.AsNoTracking()
            .SingleOrDefaultAsync(p => p.RoleId == role.RoleId && p.PolicyName == request.PolicyName, ct);
        if (policy is null)
        {
            return AwsError.NoSuchEntity(IamMessages.RolePolicyNotFound(request.PolicyName));
        }

        return AwsResult.Ok(new GetRolePolicyResponse
        {
            RoleName = role.RoleName,
            PolicyName = policy.PolicyName,
            PolicyDocument = IamPolicyText.Encode(policy.Document),
        });
    }
}
