using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Iam;

/// <summary>
/// <c>PutRolePolicy</c>: adds the inline policy, or replaces the one of that name. The document is an identity
/// policy; all of the role's inline policies together, this one in its new form, stay within 10,240 characters.
/// </summary>
internal sealed class PutRolePolicy(AppDb db, ILogger<PutRolePolicy> logger) : IAwsHandler<PutRolePolicyRequest>
{
    public async Task<AwsResult> HandleAsync(PutRolePolicyRequest request, CancellationToken ct)
    {
        if (await IamLookup.FindRoleAsync(db, request.RoleName, ct) is not { } role)
        {
            return AwsError.NoSuchEntity(IamMessages.RoleNotFound(request.RoleName));
        }

        if (IamPolicyText.CheckInline(request.PolicyDocument) is { } policyError)
        {
            return policyError;
        }

        var policies = await db.IamRolePolicies.Where(p => p.RoleId == role.RoleId).ToListAsync(ct);
        var existing = policies.SingleOrDefault(p => p.PolicyName == request.PolicyName);
        var others = policies.Where(p => p != existing).Sum(p => IamPolicyText.Size(p.Document));
        if (others + IamPolicyText.Size(request.PolicyDocument) > IamQuotas.RolePolicySize)
        {
            return AwsError.IamLimitExceeded(IamMessages.RolePolicySize(role.RoleName, IamQuotas.RolePolicySize));
        }

        if (existing is null)
        {
            db.IamRolePolicies.Add(new IamRolePolicy
            {
                RoleId = role.RoleId,
                PolicyName = request.PolicyName,
                Document = request.PolicyDocument,
            });
        }
        else
        {
            existing.Document = request.PolicyDocument;
        }

        // The role's own row is touched too, so that two concurrent puts on one role cannot together pass the
        // size quota: the later save fails on the role's Version (ConcurrentModification).
        db.Entry(role).Property(r => r.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
        Log.RolePolicyPut(logger, role.RoleId, request.PolicyName);
        return AwsResult.Empty;
    }
}
