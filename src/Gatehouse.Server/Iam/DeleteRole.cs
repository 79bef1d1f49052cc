using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Iam;

/// <summary>
/// <c>DeleteRole</c>. As IAM (and unlike the console), a role with attached managed policies or inline policies
/// is not deleted: DeleteConflict, attached policies reported first.
/// </summary>
internal sealed class DeleteRole(AppDb db, ILogger<DeleteRole> logger) : IAwsHandler<DeleteRoleRequest>
{
    public async Task<AwsResult> HandleAsync(DeleteRoleRequest request, CancellationToken ct)
    {
        if (await IamLookup.FindRoleAsync(db, request.RoleName, ct) is not { } role)
        {
            return AwsError.NoSuchEntity(IamMessages.RoleNotFound(request.RoleName));
        }

        if (await db.IamRolePolicyAttachments.AnyAsync(a => a.RoleId == role.RoleId, ct))
        {
            return AwsError.DeleteConflict(IamMessages.DeleteRoleAttached);
        }

        if (await db.IamRolePolicies.AnyAsync(p => p.RoleId == role.RoleId, ct))
        {
            return AwsError.DeleteConflict(IamMessages.DeleteRoleInline);
        }

        db.IamRoles.Remove(role);
        await db.SaveChangesAsync(ct);
        Log.RoleDeleted(logger, role.RoleId, role.RoleName);
        return AwsResult.Empty;
    }
}
