using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Iam;

/// <summary>
/// <c>DetachRolePolicy</c>. Detaching a policy that is not attached to the role, or that does not exist, is
/// NoSuchEntity, as IAM answers it.
/// </summary>
internal sealed class DetachRolePolicy(AppDb db, IOptions<InstanceOptions> instance, ILogger<DetachRolePolicy> logger)
    : IAwsHandler<DetachRolePolicyRequest>
{
    public async Task<AwsResult> HandleAsync(DetachRolePolicyRequest request, CancellationToken ct)
    {
        if (IamLookup.CheckPolicyArn(request.PolicyArn) is { } arnError)
        {
            return arnError;
        }

        if (await IamLookup.FindRoleAsync(db, request.RoleName, ct) is not { } role)
        {
            return AwsError.NoSuchEntity(IamMessages.RoleNotFound(request.RoleName));
        }

        var policy = await IamLookup.FindPolicyAsync(db, request.PolicyArn, instance.Value.AccountId, ct);
        var attachment = policy is null
            ? null
            : await db.IamRolePolicyAttachments
                .SingleOrDefaultAsync(a => a.RoleId == role.RoleId && a.PolicyId == policy.PolicyId, ct);
        if (attachment is null)
        {
            return AwsError.NoSuchEntity(IamMessages.PolicyNotFound(request.PolicyArn));
        }

        db.IamRolePolicyAttachments.Remove(attachment);
        await db.SaveChangesAsync(ct);
        Log.PolicyDetached(logger, role.RoleId, attachment.PolicyId);
        return AwsResult.Empty;
    }
}
