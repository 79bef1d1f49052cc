using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Iam;

/// <summary>
/// <c>AttachRolePolicy</c>: attaches a customer managed policy of this account (there are no AWS managed ones
/// here). Attaching a policy that is already attached succeeds and changes nothing, as IAM. A role holds at most
/// 10 managed policies (PoliciesPerRole).
/// </summary>
internal sealed class AttachRolePolicy(
    AppDb db, TimeProvider clock, IOptions<InstanceOptions> instance, ILogger<AttachRolePolicy> logger)
    : IAwsHandler<AttachRolePolicyRequest>
{
    public async Task<AwsResult> HandleAsync(AttachRolePolicyRequest request, CancellationToken ct)
    {
        if (IamLookup.CheckPolicyArn(request.PolicyArn) is { } arnError)
        {
            return arnError;
        }

        if (await IamLookup.FindRoleAsync(db, request.RoleName, ct) is not { } role)
        {
            return AwsError.NoSuchEntity(IamMessages.RoleNotFound(request.RoleName));
        }

        if (await IamLookup.FindPolicyAsync(db, request.PolicyArn, instance.Value.AccountId, ct) is not { } policy)
        {
            return AwsError.NoSuchEntity(IamMessages.PolicyNotAttachable(request.PolicyArn));
        }

        var attached = await db.IamRolePolicyAttachments.Where(a => a.RoleId == role.RoleId)
            .Select(a => a.PolicyId).ToListAsync(ct);
        if (attached.Contains(policy.PolicyId))
        {
            return AwsResult.Empty;
        }

        if (attached.Count >= IamQuotas.PoliciesPerRole)
        {
            return AwsError.IamLimitExceeded(IamMessages.Quota("PoliciesPerRole", IamQuotas.PoliciesPerRole));
        }

        db.IamRolePolicyAttachments.Add(new IamRolePolicyAttachment
        {
            RoleId = role.RoleId,
            PolicyId = policy.PolicyId,
            AttachedAt = clock.GetUtcNow(),
        });

        // Touch the role's row, so that concurrent attaches to one role cannot together pass the quota.
        db.Entry(role).Property(r => r.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // A concurrent attach of the same policy won the race; the policy is attached, as asked.
            return AwsResult.Empty;
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // A DeletePolicy between the lookup and the save: the foreign key refused the attachment.
            if (!await db.IamPolicies.AnyAsync(p => p.PolicyId == policy.PolicyId, ct))
            {
                return AwsError.NoSuchEntity(IamMessages.PolicyNotAttachable(request.PolicyArn));
            }

            throw;
        }

        Log.PolicyAttached(logger, role.RoleId, policy.PolicyId);
        return AwsResult.Empty;
    }
}
