using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Iam;

/// <summary>
/// <c>DeletePolicy</c>: a policy still attached to a role is not deleted (DeleteConflict), as IAM; the store's
/// restricting foreign key holds the same line against an AttachRolePolicy racing this delete.
/// </summary>
internal sealed class DeletePolicy(AppDb db, IOptions<InstanceOptions> instance, ILogger<DeletePolicy> logger)
    : IAwsHandler<DeletePolicyRequest>
{
    public async Task<AwsResult> HandleAsync(DeletePolicyRequest request, CancellationToken ct)
    {
        if (IamLookup.CheckPolicyArn(request.PolicyArn) is { } arnError)
        {
            return arnError;
        }

        if (await IamLookup.FindPolicyAsync(db, request.PolicyArn, instance.Value.AccountId, ct) is not { } policy)
        {
            return AwsError.NoSuchEntity(IamMessages.PolicyNotFound(request.PolicyArn));
        }

        if (await IsAttachedAsync(policy, ct))
        {
            return AwsError.DeleteConflict(IamMessages.DeletePolicyAttached);
        }

        db.IamPolicies.Remove(policy);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // An attachment made between the check and the save: the foreign key refused the delete.
            if (await IsAttachedAsync(policy, ct))
            {
                return AwsError.DeleteConflict(IamMessages.DeletePolicyAttached);
            }

            throw;
        }

        Log.PolicyDeleted(logger, policy.PolicyId, policy.PolicyName);
        return AwsResult.Empty;
    }

    private Task<bool> IsAttachedAsync(IamPolicy policy, CancellationToken ct) =>
        db.IamRolePolicyAttachments.AnyAsync(a => a.PolicyId == policy.PolicyId, ct);
}
