using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Iam;

/// <summary><c>DeleteRolePolicy</c>: removes one inline policy of a role.</summary>
internal sealed class DeleteRolePolicy(AppDb db, ILogger<DeleteRolePolicy> logger) : IAwsHandler<DeleteRolePolicyRequest>
{
    public async Task<AwsResult> HandleAsync(DeleteRolePolicyRequest request, CancellationToken ct)
    {
        if (await IamLookup.FindRoleAsync(db, request.RoleName, ct) is not { } role)
        {
            return AwsError.NoSuchEntity(IamMessages.RoleNotFound(request.RoleName));
        }

        var policy = await db.IamRolePolicies
            .SingleOrDefaultAsync(p => p.RoleId == role.RoleId && p.PolicyName == request.PolicyName, ct);
        if (policy is null)
        {
            return AwsError.NoSuchEntity(IamMessages.RolePolicyNotFound(request.PolicyName));
        }

        db.IamRolePolicies.Remove(policy);
        await db.SaveChangesAsync(ct);
        Log.RolePolicyDeleted(logger, role.RoleId, policy.PolicyName);
        return AwsResult.Empty;
    }
}
